package org.smarthall.channel.sms.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Spaces sends to Kannel evenly so that no more than the configured number leave per second,
 * whichever threads the outbox sends from. A caller waits for its slot; one whose slot is
 * further off than the longest wait is told how long instead, and becomes a retry.
 */
final class SendPacer {

    /** Waits; tests replace it to see the waits without spending them. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private final long intervalNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot;

    SendPacer(int perSecond, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextSlot = nanoTime.getAsLong();
    }

    /**
     * Takes the next slot, waiting for it.
     *
     * @return empty when the slot is taken; otherwise the wait it would need, and no slot is taken
     */
    Optional<Duration> awaitSlot() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            wait = Math.max(0, nextSlot - now);
            if (wait > maxWaitNanos) {
                return Optional.of(Duration.ofNanos(wait));
            }
            nextSlot = Math.max(nextSlot, now) + intervalNanos;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
        return Optional.empty();
    }
}
