package org.smarthall.device.keypad.rating.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.internal.JSerialCommPorts;
import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.keypad.RatingKeypadSimulator;

/**
 * The driver over a real socat pty pair against the keypads' side of the line. A press returns
 * once the driver has acknowledged it, and the driver acknowledges only after it has posted (or
 * not): so "no event" is checked right after an acknowledged press, without waiting.
 */
class RatingKeypadBusPtyTest {
    @TempDir
    Path dir;
    private PtyRig rig;
    private RatingKeypadSimulator keypads;
    private RatingKeypadBus driver;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void plugIn() throws IOException {
        rig = PtyRig.start(dir);
        keypads = new RatingKeypadSimulator(rig.deviceEnd());
        keypads.ackTimeout(Duration.ofMillis(500)); // long enough that a loaded machine causes no extra resend
        keypads.start();
        LinkSettings link = new LinkSettings(rig.hostEnd().toString(), 9_600, Duration.ofMillis(100),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        driver = new RatingKeypadBus(new JSerialCommPorts(), events::add, new KeypadSettings("hall1-keypads", "hall1",
                link, KeypadSettings.keyMap("1=very-satisfied,2=satisfied,3=3,4=2,5=1"),
                KeypadSettings.windows("1=W01,2=W02"), Duration.ofSeconds(5)));
        await("connected", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(3));
    }

    @AfterEach
    void unplug() {
        driver.stop();
        keypads.close();
        rig.close();
    }

    @Test
    void pressesOnTwoWindowsArePostedWithTheirScores() {
        long before = System.currentTimeMillis();
        assertTrue(keypads.press(1, 1));
        assertTrue(keypads.press(2, 5));
        assertTrue(keypads.press(2, 3));
        long after = System.currentTimeMillis();

        List<Event> r = ratings();
        assertEquals(List.of("W01", "W02", "W02"), r.stream().map(e -> e.getProperty(DeviceTopics.PROPERTY_WINDOW))
                .toList());
        assertEquals(List.of(5, 1, 3), r.stream().map(e -> e.getProperty(DeviceTopics.PROPERTY_SCORE)).toList());
        for (Event e : r) {
            assertEquals("hall1-keypads", e.getProperty(DeviceTopics.PROPERTY_DEVICE));
            assertEquals("hall1", e.getProperty(DeviceTopics.PROPERTY_HALL));
            long at = (Long) e.getProperty(DeviceTopics.PROPERTY_TIMESTAMP);
            assertTrue(at >= before && at <= after, "timestamp " + at);
        }
        assertEquals(3, keypads.acks());
        assertEquals(0, keypads.resendsSent());
        assertEquals(3, driver.ratings());
        assertEquals(3, driver.info().framesGood());
        assertEquals(0, driver.info().framesBad());
        assertEquals("rating-keypad", driver.info().kind());
        assertEquals(rig.hostEnd().toString(), driver.info().port());
        assertTrue(driver.info().lastFrame() != null);
    }

    @Test
    void anUnmappedKeyOrAnUnknownAddressIsAcknowledgedCountedAndNotPosted() {
        assertTrue(keypads.press(1, 9), "unmapped key acknowledged, so the keypad stops resending");
        assertTrue(keypads.press(7, 1), "unknown address acknowledged");
        assertEquals(List.of(), ratings());
        assertEquals(2, driver.keysIgnored());
        assertEquals(0, keypads.resendsSent());

        assertTrue(keypads.press(1, 2));
        assertEquals(List.of(4), ratings().stream().map(e -> e.getProperty(DeviceTopics.PROPERTY_SCORE)).toList());
        assertEquals(2, driver.keysIgnored());
    }

    @Test
    void aBadChecksumIsCountedAndSkippedThenTheNextPressIsPosted() {
        keypads.resends(0); // the spoilt frame alone, no resend to rescue it
        keypads.inject(Fault.BAD_CHECKSUM);
        assertFalse(keypads.press(1, 1), "a garbled press is not acknowledged");
        await("the bad frame counted", () -> driver.info().framesBad() == 1, Duration.ofSeconds(2));
        assertEquals(List.of(), ratings());
        assertEquals(0, driver.acksSent());

        assertTrue(keypads.press(2, 2));
        assertEquals(List.of("W02"), ratings().stream().map(e -> e.getProperty(DeviceTopics.PROPERTY_WINDOW)).toList());
        assertEquals(1, driver.info().framesBad());
        assertEquals(0, driver.keysIgnored());
    }

    @Test
    void aGarbledPressIsResentAndPostedOnce() {
        keypads.inject(Fault.BAD_CHECKSUM);
        assertTrue(keypads.press(1, 1));
        assertEquals(1, keypads.resendsSent());
        assertEquals(1, driver.info().framesBad());
        assertEquals(1, ratings().size());
        assertEquals(0, driver.duplicates(), "the garbled frame never reached the driver");
    }

    @Test
    void aTruncatedPressIsCountedBadAndTheResendIsPostedOnce() {
        keypads.inject(Fault.TRUNCATED);
        assertTrue(keypads.press(2, 4));
        assertEquals(1, keypads.resendsSent());
        assertEquals(1, driver.info().framesBad());
        assertEquals(List.of(2), ratings().stream().map(e -> e.getProperty(DeviceTopics.PROPERTY_SCORE)).toList());
    }

    @Test
    void aResendAfterALostAckGivesOneEvent() {
        keypads.loseNextAck();
        assertTrue(keypads.press(1, 1));
        assertEquals(1, keypads.resendsSent());
        assertEquals(1, keypads.acks());
        assertEquals(1, ratings().size());
        assertEquals(1, driver.duplicates());
        assertEquals(2, driver.info().framesGood(), "the press and its resend");
        await("both acks written", () -> driver.acksSent() == 2, Duration.ofSeconds(1));

        assertTrue(keypads.press(1, 1), "the same key again is a new press: the next sequence number");
        assertEquals(2, ratings().size());
        assertEquals(1, driver.duplicates());
    }

    @Test
    void afterAnUnplugTheLineIsBackWithinTwoSecondsOfTheReplugAndAPressIsPosted() throws IOException {
        rig.unplug();
        await("reconnecting", () -> driver.info().state() == DeviceState.RECONNECTING, Duration.ofSeconds(3));
        long away = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        await("away long enough for the backoff to reach its cap", () -> System.nanoTime() > away,
                Duration.ofSeconds(3));
        rig.replug();
        long replugged = System.nanoTime();
        await("connected again", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - replugged < Duration.ofSeconds(2).toNanos());
        assertEquals(1, driver.info().reconnects());

        await("the keypads' end open again", keypads::connected, Duration.ofSeconds(2));
        assertTrue(keypads.press(2, 1));
        assertEquals(List.of(5), ratings().stream().map(e -> e.getProperty(DeviceTopics.PROPERTY_SCORE)).toList());
        List<Object> states = events.stream().filter(e -> e.getTopic().equals(DeviceTopics.STATE_CHANGED))
                .map(e -> e.getProperty(DeviceTopics.PROPERTY_STATE)).toList();
        assertEquals(List.of("CONNECTED", "RECONNECTING", "CONNECTED"), states);
    }

    private List<Event> ratings() {
        return events.stream().filter(e -> e.getTopic().equals(DeviceTopics.RATING_KEY)).toList();
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
