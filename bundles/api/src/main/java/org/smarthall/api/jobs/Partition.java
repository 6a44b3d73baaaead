package org.smarthall.api.jobs;

/**
 * One slice of a job, committed on its own.
 *
 * @param key   what the handler needs to find the slice again after a restart: an account
 *              range, a line range of a file; at most 200 characters
 * @param units work units in the slice, for progress
 */
public record Partition(String key, long units) {
    public Partition {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("partition key must be 1 to 200 characters");
        }
        if (units < 0) {
            throw new IllegalArgumentException("partition units must not be negative");
        }
    }
}
