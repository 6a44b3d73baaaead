package org.smarthall.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.jobs.Partition;

/**
 * Where jobs and their checkpoints are kept. The methods taking a {@link Connection} write in
 * the caller's transaction, so that a partition's checkpoint commits with the partition's work.
 */
@ProviderType
public interface JobRepository {

    JobRecord create(String type, Map<String, String> parameters, String submittedBy, Instant submitted);

    Optional<JobRecord> find(long id);

    /** Newest first. */
    List<JobRecord> list(Optional<JobState> state, int offset, int limit);

    long count(Optional<JobState> state);

    /** Jobs in any of the given states, oldest first: the runner resumes these at start. */
    List<JobRecord> inStates(Collection<JobState> states);

    /** Moves a job to a state; sets started (first time only) or finished when given. */
    void updateState(long id, JobState state, Instant started, Instant finished, String message);

    /** Flags a job for cancellation. Returns false when the job does not exist. */
    boolean requestCancel(long id);

    List<PartitionRecord> partitions(long jobId);

    /** Stores the plan; runs in the planning transaction. */
    void savePlan(Connection tx, long jobId, List<Partition> partitions) throws SQLException;

    /** Marks a partition committed with its counters; runs in the partition's transaction. */
    void completePartition(Connection tx, long jobId, int index, long unitsDone, Map<String, Long> counters,
            Instant at) throws SQLException;

    /** Records the job's final counters; runs in the finishing transaction. */
    void saveCounters(Connection tx, long jobId, Map<String, Long> counters) throws SQLException;
}
