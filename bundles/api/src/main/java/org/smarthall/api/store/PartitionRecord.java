package org.smarthall.api.store;

import java.time.Instant;
import java.util.Map;

/**
 * One planned partition of a job and whether it has committed.
 *
 * @param done     committed; a resumed job skips it
 * @param counters what the partition counted, committed with it
 */
public record PartitionRecord(long jobId, int index, String key, long units, boolean done, Map<String, Long> counters,
        Instant finished) {
    public PartitionRecord {
        counters = Map.copyOf(counters);
    }
}
