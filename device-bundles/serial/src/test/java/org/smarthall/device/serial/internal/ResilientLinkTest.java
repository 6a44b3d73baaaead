package org.smarthall.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.serial.LinkSettings;

/** The link with ports that misbehave in ways a pty cannot: a close that hangs, opens that fail. */
class ResilientLinkTest {

    @Test
    void aCloseThatHangsReturnsAfterTheCloseTimeout() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        PortIo hanging = new PortIo() {
            @Override
            public int read(byte[] into) {
                return 0;
            }

            @Override
            public void write(byte[] bytes) {
            }

            @Override
            public void close() {
                // a native close that never returns, deaf to interrupts
                while (never.getCount() > 0) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        // a native call does not see it either
                    }
                }
            }
        };
        LinkSettings settings = new LinkSettings("/dev/hangs", 9_600, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(300));
        ResilientLink link = new ResilientLink(settings, TestCodec.INSTANCE, f -> { }, (port, baud) -> {
            opened.countDown();
            return hanging;
        }).start();
        opened.await();
        long start = System.nanoTime();
        link.close();
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 250 && took < 1_500, "close took " + took + " ms");
        assertEquals(DeviceState.CLOSED, link.state());
        never.countDown();
    }

    @Test
    void opensThatFailAreRetriedWithABackoffCappedAtItsMaximum() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        long[] at = new long[12];
        LinkSettings settings = new LinkSettings("/dev/absent", 9_600, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(1));
        ResilientLink link = new ResilientLink(settings, TestCodec.INSTANCE, f -> { }, (port, baud) -> {
            int n = attempts.getAndIncrement();
            if (n < at.length) {
                at[n] = System.nanoTime();
            }
            throw new IOException("no such port");
        }).start();
        ResilientLinkPtyTest.await("twelve attempts", () -> attempts.get() >= 12, Duration.ofSeconds(5));
        link.close();
        // 50, 100, 200, 200, ...: never longer than the cap (plus scheduling slack)
        for (int i = 1; i < at.length; i++) {
            long gap = (at[i] - at[i - 1]) / 1_000_000;
            assertTrue(gap < 200 + 150, "gap " + i + " was " + gap + " ms");
        }
        assertTrue((at[4] - at[3]) / 1_000_000 >= 190, "the backoff grows to the cap");
        assertEquals(DeviceState.CLOSED, link.state());
        assertEquals(0, link.counters().reconnects());
    }
}
