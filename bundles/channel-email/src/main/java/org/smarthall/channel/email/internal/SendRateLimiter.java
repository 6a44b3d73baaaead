package org.smarthall.channel.email.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A token bucket of one second: up to {@code perSecond} messages at once, then one every
 * {@code 1/perSecond} seconds. It answers how long to wait instead of waiting, so the outbox's
 * thread is never held by the channel.
 */
final class SendRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    /** @param nanoClock monotonic nanoseconds ({@code System::nanoTime} outside tests) */
    SendRateLimiter(int perSecond, LongSupplier nanoClock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond = " + perSecond + " must be at least 1");
        }
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.tokens = perSecond;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** Takes a slot if there is one; otherwise the wait until the next slot (at least a millisecond). */
    synchronized Optional<Duration> tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(perSecond, tokens + (double) (now - lastRefill) * perSecond / NANOS_PER_SECOND);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        long waitNanos = (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
        return Optional.of(Duration.ofMillis(Math.max(1, (waitNanos + 999_999) / 1_000_000)));
    }

    int perSecond() {
        return perSecond;
    }
}
