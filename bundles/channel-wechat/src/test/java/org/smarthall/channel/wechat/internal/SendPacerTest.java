package org.smarthall.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The pacing arithmetic, on a clock the test moves. */
class SendPacerTest {
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final List<Duration> waits = new ArrayList<>();
    private final SendPacer pacer = new SendPacer(4, Duration.ofSeconds(1), nanos::get, waits::add);

    @Test
    void callersArrivingTogetherAreSpacedEvenly() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), pacer.awaitSlot());
        }
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750),
                Duration.ofMillis(1000)), waits);
    }

    @Test
    void aSlotFurtherOffThanTheLongestWaitIsNotTaken() throws Exception {
        for (int i = 0; i < 5; i++) {
            pacer.awaitSlot();
        }
        assertEquals(Optional.of(Duration.ofMillis(1250)), pacer.awaitSlot());
        nanos.addAndGet(1_000_000_000L);
        waits.clear();
        assertEquals(Optional.empty(), pacer.awaitSlot());
        assertEquals(List.of(Duration.ofMillis(250)), waits, "the refused caller did not take a slot");
    }

    @Test
    void idleTimeDoesNotSaveUpABurst() throws Exception {
        pacer.awaitSlot();
        nanos.addAndGet(10_000_000_000L);
        pacer.awaitSlot();
        pacer.awaitSlot();
        assertEquals(List.of(Duration.ofMillis(250)), waits);
    }
}
