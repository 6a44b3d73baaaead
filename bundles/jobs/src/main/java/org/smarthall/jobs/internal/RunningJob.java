package org.smarthall.jobs.internal;

import java.util.concurrent.atomic.AtomicReference;

/** A job this node is running now. */
final class RunningJob {
    final long id;
    final String type;
    final LiveProgress progress;
    private final AtomicReference<StopReason> stop = new AtomicReference<>();
    private volatile Throwable failure;
    private volatile String failedPartition;

    RunningJob(long id, String type, LiveProgress progress) {
        this.id = id;
        this.type = type;
        this.progress = progress;
    }

    /** Asks the job to stop; the first reason given wins. */
    void stop(StopReason reason) {
        stop.compareAndSet(null, reason);
    }

    StopReason stopReason() {
        return stop.get();
    }

    boolean stopping() {
        return stop.get() != null;
    }

    void failed(String partition, Throwable cause) {
        if (stop.compareAndSet(null, StopReason.FAILURE)) {
            this.failedPartition = partition;
            this.failure = cause;
        }
    }

    String failureMessage() {
        Throwable t = failure;
        if (t == null) {
            return null;
        }
        String detail = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return "partition " + failedPartition + " failed: " + detail;
    }
}
