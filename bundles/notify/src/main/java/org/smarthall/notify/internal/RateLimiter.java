package org.smarthall.notify.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per channel: at most {@code rate} messages a second, with a burst of one
 * second's worth. Used by the dispatcher's one thread only.
 */
final class RateLimiter {
    private final Map<String, Double> rates;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new HashMap<>();

    RateLimiter(Map<String, Double> rates, LongSupplier nanos) {
        this.rates = rates;
        this.nanos = nanos;
    }

    /** Takes a token for the channel; false when its bucket is empty now. */
    boolean tryAcquire(String channel) {
        Double rate = rates.get(channel);
        if (rate == null) {
            return true;
        }
        long now = nanos.getAsLong();
        double capacity = Math.max(1.0, rate);
        double[] b = buckets.computeIfAbsent(channel, k -> new double[] {capacity, now});
        b[0] = Math.min(capacity, b[0] + (now - (long) b[1]) / 1e9 * rate);
        b[1] = now;
        if (b[0] >= 1.0) {
            b[0] -= 1.0;
            return true;
        }
        return false;
    }

    /** Gives back a token taken for a message that was not sent after all. */
    void giveBack(String channel) {
        double[] b = buckets.get(channel);
        if (b != null) {
            b[0] += 1.0;
        }
    }
}
