package org.smarthall.cabin.guidance.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the cabin counts and how long its part takes, without a test: the health check shows it and
 * the bench reads it. Two timings per portrait over the last {@value #WINDOW} swipes:
 * <ul>
 * <li>{@code total}: from the card event's timestamp (the first byte of the card's answer on the
 * wire) to the portrait being ready, in milliseconds of the wall clock;</li>
 * <li>{@code own}: from the card event reaching the listener to the portrait being ready, in
 * microseconds of {@link System#nanoTime()}: the cabin's own part, queueing included.</li>
 * </ul>
 */
final class GuidanceMetrics {
    static final int WINDOW = 256;

    final LongAdder swipes = new LongAdder();
    final LongAdder portraits = new LongAdder();
    final LongAdder visitors = new LongAdder();
    final LongAdder notVerified = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder facetFailures = new LongAdder();
    final LongAdder lookupFailures = new LongAdder();
    final LongAdder touchpointFailures = new LongAdder();

    private final long[] totalMillis = new long[WINDOW];
    private final long[] ownMicros = new long[WINDOW];
    private long recorded;

    /**
     * @param count   portraits timed so far
     * @param totalP50Millis median of first byte → portrait ready, over the window; -1 when none
     */
    record Snapshot(long swipes, long portraits, long visitors, long notVerified, long refused, long dropped,
            long failures, long facetFailures, long lookupFailures, long touchpointFailures, long count,
            long totalP50Millis, long totalP95Millis, long totalMaxMillis, long ownP50Micros, long ownP95Micros,
            long ownMaxMicros) {

        String describe() {
            return swipes + " swipes, " + portraits + " portraits (" + visitors + " visitors, " + notVerified
                    + " numbers not verified), " + refused + " card events refused, " + dropped + " dropped (queue full), "
                    + failures + " failed; failures of facets " + facetFailures + ", of the customer base "
                    + lookupFailures + ", of the touchpoint " + touchpointFailures + "; first byte to portrait over the last "
                    + Math.min(count, WINDOW) + ": p50 " + totalP50Millis + " ms, p95 " + totalP95Millis + " ms, max "
                    + totalMaxMillis + " ms; own part p50 " + ownP50Micros + " µs, p95 " + ownP95Micros + " µs, max "
                    + ownMaxMicros + " µs";
        }
    }

    synchronized void time(long totalMillisValue, long ownMicrosValue) {
        int slot = (int) (recorded % WINDOW);
        totalMillis[slot] = totalMillisValue;
        ownMicros[slot] = ownMicrosValue;
        recorded++;
    }

    Snapshot snapshot() {
        long[] total;
        long[] own;
        long count;
        synchronized (this) {
            count = recorded;
            int n = (int) Math.min(recorded, WINDOW);
            total = Arrays.copyOf(totalMillis, n);
            own = Arrays.copyOf(ownMicros, n);
        }
        Arrays.sort(total);
        Arrays.sort(own);
        return new Snapshot(swipes.sum(), portraits.sum(), visitors.sum(), notVerified.sum(), refused.sum(),
                dropped.sum(), failures.sum(), facetFailures.sum(), lookupFailures.sum(), touchpointFailures.sum(), count,
                quantile(total, 0.50), quantile(total, 0.95), quantile(total, 1.0), quantile(own, 0.50),
                quantile(own, 0.95), quantile(own, 1.0));
    }

    /** Nearest rank; -1 when there is nothing. */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
