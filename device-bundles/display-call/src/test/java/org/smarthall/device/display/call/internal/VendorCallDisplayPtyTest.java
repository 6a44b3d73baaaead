package org.smarthall.device.display.call.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.event.Event;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.LinkListener;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.serial.internal.JSerialCommPorts;
import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.display.CallDisplaySimulator;
import org.smarthall.device.simulators.display.DisplayWire;

/**
 * The driver over a real socat pty pair against the display side, which parses the frames with
 * its own description of each vendor layout ({@link DisplayWire}), not the driver's.
 */
class VendorCallDisplayPtyTest {
    private static final String CALL = "请A023号到3号窗口";
    private static final Duration ACK_TIMEOUT = Duration.ofMillis(150);

    @TempDir
    Path dir;
    private PtyRig rig;
    private CallDisplaySimulator display;
    private VendorCallDisplay driver;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    private void plugIn(String profile) throws IOException {
        plugIn(VendorProfile.configured(profile, Map.of()), DisplayWire.named(profile));
    }

    private void plugIn(VendorProfile profile, DisplayWire wire) throws IOException {
        rig = PtyRig.start(dir);
        display = new CallDisplaySimulator(rig.deviceEnd(), wire);
        display.start();
        LinkSettings link = new LinkSettings(rig.hostEnd().toString(), 9_600, Duration.ofMillis(100),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        driver = new VendorCallDisplay(new DisplaySettings("hall1-windows", "hall1", link, profile, ACK_TIMEOUT, 2),
                new JSerialCommPorts(), events::add);
        await("connected", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(3));
    }

    @AfterEach
    void unplug() {
        if (driver != null) {
            driver.stop();
        }
        if (display != null) {
            display.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"led-gbk-sum8", "window-crc16-ack"})
    void eachTextArrivesAtItsAddress(String profile) throws Exception {
        plugIn(profile);
        driver.show(3, CALL);
        driver.show(0, "欢迎光临");
        driver.show(12, "A023");
        driver.show(3, "请A024号到3号窗口"); // the next call replaces the text at window 3
        await("four frames shown", () -> display.framesShown() == 4, Duration.ofSeconds(2));
        assertEquals(Optional.of("请A024号到3号窗口"), display.shown(3));
        assertEquals(Optional.of("欢迎光临"), display.shown(0));
        assertEquals(Optional.of("A023"), display.shown(12));
        assertEquals(List.of(0, 3, 12), List.copyOf(display.shownAll().keySet()));
        assertEquals(0, display.badFrames());
        assertEquals(4, driver.shown());
        assertEquals(0, driver.naks() + driver.ackTimeouts() + driver.failed());
        // the window displays answered every frame, the LED board nothing
        assertEquals(profile.equals("window-crc16-ack") ? 4 : 0, driver.info().framesGood());
        assertEquals(0, driver.info().framesBad());
        assertEquals("call-display", driver.info().kind());
        assertEquals("hall1-windows", driver.info().id());
    }

    @Test
    void aNakIsAnsweredWithTheSameFrameAgain() throws Exception {
        plugIn("window-crc16-ack");
        display.nakNext();
        driver.show(5, CALL); // returns only once acknowledged
        assertEquals(Optional.of(CALL), display.shown(5));
        assertEquals(1, display.naksSent());
        assertEquals(1, driver.naks());
        assertEquals(0, driver.ackTimeouts());
        assertEquals(1, driver.shown());
    }

    @Test
    void moreNaksThanRetriesFailTheCall() throws Exception {
        plugIn("window-crc16-ack");
        display.nakNext();
        display.nakNext();
        display.nakNext();
        DeviceException e = assertThrows(DeviceException.class, () -> driver.show(5, CALL));
        assertEquals("hall1-windows: address 5 did not acknowledge after 3 attempts (3 NAK, 0 without an answer in"
                + " 150 ms)", e.getMessage());
        assertEquals(Optional.empty(), display.shown(5));
        assertEquals(1, driver.failed());
        driver.show(5, CALL);
        assertEquals(Optional.of(CALL), display.shown(5));
    }

    @Test
    void aSilentDisplayFailsTheCallAfterTheRetries() throws Exception {
        plugIn("window-crc16-ack");
        display.silent(true);
        long start = System.nanoTime();
        DeviceException e = assertThrows(DeviceException.class, () -> driver.show(7, CALL));
        long took = System.nanoTime() - start;
        assertEquals("hall1-windows: address 7 did not acknowledge after 3 attempts (0 NAK, 3 without an answer in"
                + " 150 ms)", e.getMessage());
        assertTrue(took >= 3 * ACK_TIMEOUT.toNanos(), "three timeouts waited: " + took);
        assertEquals(3, driver.ackTimeouts());
        assertEquals(3, display.framesIgnored());
        assertEquals(1, driver.failed());
        assertEquals(0, driver.shown());

        display.silent(false);
        driver.show(7, CALL);
        assertEquals(Optional.of(CALL), display.shown(7));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aCorruptAcknowledgementIsCountedBadAndTheFrameSentAgain(Fault fault) throws Exception {
        plugIn("window-crc16-ack");
        display.spoilNextAnswer(fault);
        driver.show(4, CALL);
        assertEquals(Optional.of(CALL), display.shown(4));
        assertEquals(1, driver.info().framesBad(), "the spoilt answer");
        assertEquals(1, driver.info().framesGood(), "the ACK of the second attempt");
        assertEquals(1, driver.ackTimeouts());
        assertEquals(2, display.framesShown(), "the same text shown twice: harmless");
    }

    @ParameterizedTest
    @ValueSource(strings = {"led-gbk-sum8", "window-crc16-ack"})
    void afterAnUnplugTheBusIsBackWithinTwoSecondsOfTheReplugAndShowsAgain(String profile) throws Exception {
        plugIn(profile);
        driver.show(1, "A001");
        rig.unplug();
        await("reconnecting", () -> driver.info().state() == DeviceState.RECONNECTING, Duration.ofSeconds(3));
        DeviceException e = assertThrows(DeviceException.class, () -> driver.show(1, "A002"));
        assertTrue(e.getMessage().contains("is not connected"), e.getMessage());
        long away = System.nanoTime() + Duration.ofMillis(1_200).toNanos();
        await("away long enough for the backoff to reach its cap", () -> System.nanoTime() > away,
                Duration.ofSeconds(3));
        rig.replug();
        long replugged = System.nanoTime();
        await("connected again", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - replugged < Duration.ofSeconds(2).toNanos());
        assertEquals(1, driver.info().reconnects());
        await("the display's end open again", display::connected, Duration.ofSeconds(2));

        driver.show(1, "A003");
        await("shown again", () -> display.shown(1).equals(Optional.of("A003")), Duration.ofSeconds(2));
        List<Object> states = events.stream().filter(ev -> ev.getTopic().equals(DeviceTopics.STATE_CHANGED))
                .map(ev -> ev.getProperty(DeviceTopics.PROPERTY_STATE)).toList();
        assertEquals(List.of("CONNECTED", "RECONNECTING", "CONNECTED"), states);
        assertEquals("hall1-windows", events.get(0).getProperty(DeviceTopics.PROPERTY_DEVICE));
        assertEquals("hall1", events.get(0).getProperty(DeviceTopics.PROPERTY_HALL));
    }

    @Test
    void aBareAckByteProfile() throws Exception {
        // an LED board variant that answers 06 / 15 alone, without a frame around them
        VendorProfile bare = VendorProfile.configured("led-gbk-sum8", Map.of("ack", "byte"));
        plugIn(bare, DisplayWire.LED_GBK_SUM8.withAnswer(DisplayWire.Answer.BYTE, 0x06, 0x15));
        driver.show(2, CALL);
        assertEquals(Optional.of(CALL), display.shown(2));
        display.nakNext();
        driver.show(2, "A023");
        assertEquals(Optional.of("A023"), display.shown(2));
        assertEquals(1, display.naksSent());
        assertEquals(1, driver.naks(), "the NAK byte is told from silence: no timeout waited");
        assertEquals(0, driver.ackTimeouts());
        assertEquals(3, driver.info().framesGood(), "ACK, NAK, ACK");

        display.silent(true);
        DeviceException e = assertThrows(DeviceException.class, () -> driver.show(2, "A024"));
        assertTrue(e.getMessage().endsWith("(0 NAK, 3 without an answer in 150 ms)"), e.getMessage());
    }

    @Test
    void theDisplayCountsAndNaksAFrameWithABadCheck() throws Exception {
        // the display side alone, driven through the transport: a frame with one flipped CRC bit
        rig = PtyRig.start(dir);
        display = new CallDisplaySimulator(rig.deviceEnd(), DisplayWire.WINDOW_CRC16_ACK);
        display.start();
        VendorFrameCodec codec = new VendorFrameCodec(VendorProfile.WINDOW_CRC16_ACK);
        try (SerialLink link = new JSerialCommPorts().open(new LinkSettings(rig.hostEnd().toString(), 9_600,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2)), codec, new LinkListener() {
                    @Override
                    public void frame(Frame frame) {
                    }
                })) {
            await("connected", () -> link.state() == DeviceState.CONNECTED, Duration.ofSeconds(3));
            byte[] frame = codec.show(9, CALL).frame();
            frame[frame.length - 3] ^= 0x01;
            Optional<Frame> answer = link.exchange(frame, Duration.ofSeconds(1));
            assertTrue(answer.isPresent());
            assertArrayEquals(VendorFrameCodecTest.hex("02 00 09 08 15 16 29 03"), answer.get().bytes(), "NAK");
            assertEquals(1, display.badFrames());
            assertEquals(Optional.empty(), display.shown(9));

            Optional<Frame> ack = link.exchange(codec.show(9, CALL).frame(), Duration.ofSeconds(1));
            assertEquals(0x06, ack.orElseThrow().at(4));
            assertEquals(Optional.of(CALL), display.shown(9));
            assertEquals(1, display.badFrames());
        }
    }

    @Test
    void noCallTextReachesTheLog() throws Exception {
        plugIn("window-crc16-ack");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            display.nakNext();
            driver.show(3, "请张三丰到3号窗口");
            display.silent(true);
            assertThrows(DeviceException.class, () -> driver.show(3, "请张三丰到3号窗口"));
        } finally {
            System.setErr(stderr);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("9 characters shown at address 3"), "the call is logged without its text: " + text);
        assertFalse(text.contains("张三丰"), text);
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
