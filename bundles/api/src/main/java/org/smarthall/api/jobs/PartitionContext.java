package org.smarthall.api.jobs;

import org.osgi.annotation.versioning.ProviderType;

/** What a handler gets while running one partition. */
@ProviderType
public interface PartitionContext extends JobContext {

    /** Position of the partition in the plan, from 0. */
    int index();

    Partition partition();

    /** Reports units done within this partition, for live progress. */
    void worked(long units);

    /**
     * Adds to a named counter (e.g. {@code "accepted"}, {@code "rejected"}). Counters are
     * committed with the partition, so a resumed job never counts a partition twice.
     */
    void count(String counter, long delta);
}
