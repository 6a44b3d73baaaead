package org.smarthall.jobs.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.smarthall.api.jobs.JobProgress;

/** Progress of a job while this node runs it: committed work plus work in open partitions. */
final class LiveProgress {
    private final long startNanos = System.nanoTime();
    private final long unitsAtStart;
    private final AtomicLong committedUnits;
    private final AtomicInteger committedPartitions;
    private final AtomicLong inFlight = new AtomicLong();
    private volatile long unitsTotal;
    private volatile int partitionsTotal;

    LiveProgress(long unitsDone, int partitionsDone, long unitsTotal, int partitionsTotal) {
        this.unitsAtStart = unitsDone;
        this.committedUnits = new AtomicLong(unitsDone);
        this.committedPartitions = new AtomicInteger(partitionsDone);
        this.unitsTotal = unitsTotal;
        this.partitionsTotal = partitionsTotal;
    }

    void planned(long units, int partitions) {
        this.unitsTotal = units;
        this.partitionsTotal = partitions;
    }

    void worked(long units) {
        inFlight.addAndGet(units);
    }

    /** A partition committed: its worked units move from in flight to committed. */
    void committed(long plannedUnits, long workedUnits) {
        inFlight.addAndGet(-workedUnits);
        committedUnits.addAndGet(plannedUnits);
        committedPartitions.incrementAndGet();
    }

    /** A partition rolled back: its worked units are forgotten. */
    void rolledBack(long workedUnits) {
        inFlight.addAndGet(-workedUnits);
    }

    JobProgress snapshot() {
        long done = Math.min(unitsTotal > 0 ? unitsTotal : Long.MAX_VALUE, committedUnits.get() + inFlight.get());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? (done - unitsAtStart) / seconds : 0;
        Long eta = rate > 0 && unitsTotal > 0 ? Math.round((unitsTotal - done) / rate) : null;
        return new JobProgress(done, unitsTotal, committedPartitions.get(), partitionsTotal, rate, eta);
    }
}
