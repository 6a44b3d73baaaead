package org.smarthall.api.jobs;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Does the work of one type of job. Register it as a service with the property
 * {@value #PROPERTY_TYPE} equal to {@link #type()}.
 *
 * <p>Contract: {@link #run(PartitionContext)} must depend only on the job's parameters, the
 * partition and the database, so that a partition rolled back by a crash and run again yields
 * the same writes. Writes go through {@link JobContext#connection()} so that they commit with
 * the checkpoint.
 */
@ConsumerType
public interface JobHandler {

    /** Service property carrying the job type. */
    String PROPERTY_TYPE = "smarthall.job.type";

    String type();

    /**
     * Checks parameters when the job is submitted, before anything is stored.
     *
     * @throws org.smarthall.api.InvalidInputException naming the bad parameter
     */
    default void validate(Map<String, String> parameters) {
    }

    /**
     * Whether partitions of one job may run at the same time, each in its own transaction (up to
     * the runner's configured number of partition workers). Say yes only when partitions never
     * write the same rows.
     */
    default boolean parallelPartitions() {
        return false;
    }

    /** Splits the work into partitions; called once, when the job first starts. */
    List<Partition> plan(JobContext job) throws Exception;

    /** Does one partition. */
    void run(PartitionContext partition) throws Exception;

    /**
     * Called once after every partition has committed, in a transaction of its own.
     *
     * @param counters the summed counters of all partitions
     * @return extra counters to record with the job (e.g. a checksum of what was written)
     */
    default Map<String, Long> finish(JobContext job, Map<String, Long> counters) throws Exception {
        return Map.of();
    }
}
