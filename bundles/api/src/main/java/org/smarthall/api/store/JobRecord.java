package org.smarthall.api.store;

import java.time.Instant;
import java.util.Map;

import org.smarthall.api.jobs.JobState;

/**
 * A job as stored: what the job runner persists between restarts.
 *
 * @param cancelRequested someone asked to cancel; survives a restart
 * @param counters        summed partition counters plus the handler's finishing counters
 */
public record JobRecord(long id, String type, JobState state, Map<String, String> parameters, String submittedBy,
        Instant submitted, Instant started, Instant finished, boolean cancelRequested, long unitsTotal, long unitsDone,
        int partitionsTotal, int partitionsDone, Map<String, Long> counters, String message) {
    public JobRecord {
        parameters = Map.copyOf(parameters);
        counters = Map.copyOf(counters);
    }
}
