package org.smarthall.api.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * A job as callers see it.
 *
 * @param id          job number
 * @param type        the {@link JobHandler#type()} that runs it
 * @param state       where it is in its life
 * @param parameters  what it was asked to do
 * @param submittedBy user that submitted it
 * @param submitted   when it was accepted
 * @param started     when it first started, {@code null} before
 * @param finished    when it ended, {@code null} before
 * @param progress    units and partitions done, rate and ETA
 * @param counters    sums of the counters its partitions reported (rows accepted, rejected...)
 * @param message     why it failed or was cancelled, or its handler's summary; may be {@code null}
 */
public record JobInfo(long id, String type, JobState state, Map<String, String> parameters, String submittedBy,
        Instant submitted, Instant started, Instant finished, JobProgress progress, Map<String, Long> counters,
        String message) {
}
