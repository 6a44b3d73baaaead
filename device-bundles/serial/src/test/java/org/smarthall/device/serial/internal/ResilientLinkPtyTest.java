package org.smarthall.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.LinkListener;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.SimulatedDevice;

/** The link over a real socat pty pair against a simulated device. */
class ResilientLinkPtyTest {
    @TempDir
    Path dir;
    private PtyRig rig;
    private Device device;
    private SerialLink link;
    private final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final List<DeviceState> states = new CopyOnWriteArrayList<>();

    /** Answers every request frame with the same payload reversed; sends frames when told. */
    static final class Device extends SimulatedDevice {
        Device(Path port) {
            super(port, 115_200);
        }

        void push(byte... payload) {
            send(TestCodec.frame(payload));
        }

        @Override
        protected int received(byte[] buffer, int length) {
            if (length < 3) {
                return 0;
            }
            int total = 3 + (buffer[2] & 0xFF) + 1;
            if (length < total) {
                return 0;
            }
            byte[] answer = new byte[total - 4];
            for (int i = 0; i < answer.length; i++) {
                answer[i] = buffer[total - 2 - i];
            }
            send(TestCodec.frame(answer));
            return total;
        }
    }

    @BeforeEach
    void plugIn() throws IOException {
        rig = PtyRig.start(dir);
        device = new Device(rig.deviceEnd());
        device.start();
        link = new JSerialCommPorts().open(LinkSettings.of(rig.hostEnd().toString(), 115_200), TestCodec.INSTANCE,
                new LinkListener() {
                    @Override
                    public void frame(Frame frame) {
                        frames.add(frame);
                    }

                    @Override
                    public void stateChanged(DeviceState state) {
                        states.add(state);
                    }
                });
        await("connected", () -> link.state() == DeviceState.CONNECTED, Duration.ofSeconds(3));
    }

    @AfterEach
    void unplugAll() {
        link.close();
        device.close();
        rig.close();
    }

    @Test
    void goodFramesComeAndSpoiledOnesAreCountedAndSkipped() throws Exception {
        device.push((byte) 1, (byte) 2);
        assertArrayEquals(TestCodec.frame((byte) 1, (byte) 2), next().bytes());

        device.inject(Fault.BAD_CHECKSUM);
        device.push((byte) 3);
        device.push((byte) 4);
        assertArrayEquals(TestCodec.frame((byte) 4), next().bytes());
        assertEquals(1, link.counters().framesBad());

        device.inject(Fault.TRUNCATED);
        device.push(new byte[40]);
        device.push((byte) 5);
        assertArrayEquals(TestCodec.frame((byte) 5), next().bytes());
        await("the truncated frame counted", () -> link.counters().framesBad() == 2, Duration.ofSeconds(3));
        assertEquals(3, link.counters().framesGood());
        assertTrue(link.counters().lastFrame().isPresent());
    }

    @Test
    void aSlowLineStillGivesWholeFrames() throws Exception {
        device.slowLine(Duration.ofMillis(2));
        device.push(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertArrayEquals(TestCodec.frame(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1}), next().bytes());
        assertEquals(0, link.counters().framesBad());
    }

    @Test
    void anExchangeGetsItsAnswerAndTheListenerDoesNot() throws Exception {
        Frame answer = link.exchange(TestCodec.frame((byte) 1, (byte) 2, (byte) 3), Duration.ofSeconds(2)).orElseThrow();
        assertArrayEquals(TestCodec.frame((byte) 3, (byte) 2, (byte) 1), answer.bytes());
        assertEquals(0, frames.size());
    }

    @Test
    void afterAnUnplugTheLinkIsBackWithinTwoSecondsOfTheReplug() throws Exception {
        rig.unplug();
        await("reconnecting", () -> link.state() == DeviceState.RECONNECTING, Duration.ofSeconds(3));
        // stay away long enough for the backoff to reach its cap
        long away = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        await("away", () -> System.nanoTime() > away, Duration.ofSeconds(3));
        rig.replug();
        long replugged = System.nanoTime();
        await("connected again", () -> link.state() == DeviceState.CONNECTED, Duration.ofSeconds(2));
        long back = System.nanoTime() - replugged;
        assertTrue(back < Duration.ofSeconds(2).toNanos(), "back after " + back / 1_000_000 + " ms");
        assertEquals(1, link.counters().reconnects());
        await("the simulator reopened", device::connected, Duration.ofSeconds(2));
        device.push((byte) 42);
        assertArrayEquals(TestCodec.frame((byte) 42), next().bytes());
        assertEquals(List.of(DeviceState.CONNECTED, DeviceState.RECONNECTING, DeviceState.CONNECTED), states);
    }

    private Frame next() throws InterruptedException {
        Frame f = frames.poll(3, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no frame; counters " + link.counters());
        }
        return f;
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + timeout);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
