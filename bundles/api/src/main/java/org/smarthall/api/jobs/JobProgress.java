package org.smarthall.api.jobs;

/**
 * How far a job has come.
 *
 * @param done              work units done (rows, customers, messages)
 * @param total             work units planned; 0 while planning
 * @param partitionsDone    partitions committed
 * @param partitionsTotal   partitions planned
 * @param ratePerSecond     units per second over the current run (0 before the first units)
 * @param etaSeconds        estimated seconds to finish, {@code null} while unknown
 */
public record JobProgress(long done, long total, int partitionsDone, int partitionsTotal, double ratePerSecond,
        Long etaSeconds) {

    /** Fraction done, 0 to 1. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    }
}
