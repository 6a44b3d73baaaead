package org.smarthall.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SendRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(123_456_789L);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aFullSecondsWorthAtOnceThenOneSlotPerInterval() {
        SendRateLimiter limiter = new SendRateLimiter(4, nanos::get);
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire(), "slot " + i);
        }
        assertEquals(Optional.of(Duration.ofMillis(250)), limiter.tryAcquire());
        advanceMillis(100);
        assertEquals(Optional.of(Duration.ofMillis(150)), limiter.tryAcquire());
        advanceMillis(150);
        assertEquals(Optional.empty(), limiter.tryAcquire());
        assertEquals(Optional.of(Duration.ofMillis(250)), limiter.tryAcquire());
    }

    @Test
    void anIdleLimiterSavesAtMostOneSecond() {
        SendRateLimiter limiter = new SendRateLimiter(3, nanos::get);
        advanceMillis(60_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire());
        }
        assertEquals(Optional.of(Duration.ofMillis(334)), limiter.tryAcquire());
    }

    @Test
    void theWaitIsNeverZero() {
        SendRateLimiter limiter = new SendRateLimiter(1, nanos::get);
        assertEquals(Optional.empty(), limiter.tryAcquire());
        nanos.addAndGet(999_999_999L);
        assertEquals(Optional.of(Duration.ofMillis(1)), limiter.tryAcquire());
    }
}
