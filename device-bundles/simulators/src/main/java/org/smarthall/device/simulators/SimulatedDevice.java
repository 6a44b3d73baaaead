package org.smarthall.device.simulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The device side of a pty pair: reads what the driver sends, lets the subclass answer, and
 * does the faults a real line does. One thread reads; {@link #send(byte[])} is called from it
 * (answers) or from a test (unsolicited frames such as key presses).
 *
 * <p>Faults: {@link #inject(Fault)} spoils the next frame sent; {@link #slowLine(Duration)} paces
 * every byte; an unplug is {@link PtyRig#unplug()}: this side reads an error, closes, and opens
 * again once the rig is plugged back.
 */
public abstract class SimulatedDevice implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 50;

    private final Path port;
    private final int baud;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicLong framesSent = new AtomicLong();
    private final Thread reader;
    private volatile Duration pacing = Duration.ZERO;
    private volatile boolean running = true;
    private volatile SerialPort serial;

    protected SimulatedDevice(Path port, int baud) {
        this.port = port;
        this.baud = baud;
        this.reader = new Thread(this::run, "simulator " + port.getFileName());
        this.reader.setDaemon(true);
    }

    /** Opens the port (waiting for it to appear) and starts answering. */
    public SimulatedDevice start() {
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (serial == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            sleep(5);
        }
        if (serial == null) {
            throw new IllegalStateException("simulator could not open " + port);
        }
        return this;
    }

    /** Spoils the next frame sent (faults queue up, one per frame). */
    public synchronized void inject(Fault fault) {
        faults.add(fault);
    }

    /** Sends every byte alone with this gap before it; {@link Duration#ZERO} for full speed. */
    public void slowLine(Duration gapPerByte) {
        pacing = gapPerByte;
    }

    /** Whether the port is open now (false after an unplug until it is open again). */
    public boolean connected() {
        return serial != null;
    }

    public long framesSent() {
        return framesSent.get();
    }

    /**
     * Handles what arrived from the driver.
     *
     * @return how many bytes from the start of {@code buffer} were used; 0 to wait for more
     */
    protected abstract int received(byte[] buffer, int length);

    /** Called when the port opened again after an unplug (a real device resets on power-up). */
    protected void reconnected() {
    }

    /** Sends a frame, doing the next queued fault to it. */
    protected void send(byte[] frame) {
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        byte[] bytes = frame.clone();
        if (fault == Fault.BAD_CHECKSUM) {
            bytes[bytes.length - 1] ^= (byte) 0x5A;
        } else if (fault == Fault.TRUNCATED) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        sendRaw(bytes);
        framesSent.incrementAndGet();
    }

    /** Sends bytes as they are (noise on the line, a frame split by hand). */
    protected void sendRaw(byte[] bytes) {
        SerialPort s = serial;
        if (s == null) {
            return; // unplugged: the bytes are lost, as on a real line
        }
        Duration gap = pacing;
        if (gap.isZero()) {
            s.writeBytes(bytes, bytes.length);
            return;
        }
        for (int i = 0; i < bytes.length && running; i++) {
            // parkNanos, not sleep: gaps under a millisecond are what a slow line at 115200 looks like
            java.util.concurrent.locks.LockSupport.parkNanos(gap.toNanos());
            s.writeBytes(bytes, 1, i);
        }
    }

    private void run() {
        byte[] buffer = new byte[8192];
        int length = 0;
        boolean first = true;
        while (running) {
            SerialPort s = serial;
            if (s == null) {
                s = open();
                if (s == null) {
                    sleep(20);
                    continue;
                }
                length = 0;
                if (!first) {
                    reconnected();
                }
                first = false;
                serial = s;
            }
            int n = s.readBytes(buffer, buffer.length - length, length);
            if (n < 0) {
                serial = null;
                s.closePort();
                continue;
            }
            length += n;
            int used;
            while (length > 0 && (used = received(buffer, length)) > 0) {
                System.arraycopy(buffer, used, buffer, 0, length - used);
                length -= used;
            }
            if (length == buffer.length) {
                length = 0; // garbage the device cannot make sense of
            }
        }
        SerialPort s = serial;
        serial = null;
        if (s != null) {
            s.closePort();
        }
    }

    private SerialPort open() {
        if (!Files.exists(port)) {
            return null;
        }
        SerialPort s = SerialPort.getCommPort(port.toString());
        s.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        s.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, 0);
        return s.openPort() ? s : null;
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
