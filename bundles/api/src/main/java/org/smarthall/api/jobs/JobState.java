package org.smarthall.api.jobs;

/** Life of a job. */
public enum JobState {
    /** Accepted, not started yet. */
    QUEUED,
    /** Planning or running partitions. */
    RUNNING,
    /** Ready to run or resume, but no handler for its type is registered right now. */
    WAITING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Whether the job has ended and will not change again. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
