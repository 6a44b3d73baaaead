package org.smarthall.device.simulators.keypad;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.smarthall.device.simulators.SimulatedDevice;

/**
 * The satisfaction keypads on one RS-485 line, every address at once. A press is the frame
 * {@code 5A A5 05 ADDR 01 KEY SEQ SUM} (SUM: the sum of the bytes from the length to SEQ, modulo
 * 256); the keypad waits for the host's {@code 5A A5 04 ADDR 81 SEQ SUM} and sends the same frame
 * again when none comes in time, a given number of times, as real keypads do. Each address
 * numbers its presses 0 to 255, wrapping. Written apart from the driver's codec on purpose: the
 * layout is spelt out twice, so one mistake does not pass its own test.
 *
 * <p>Faults: those of the base (the next frame sent, a resend included, is spoilt), and
 * {@link #loseNextAck()}: the next acknowledgement is not heard, as when it is garbled on the bus.
 */
public final class RatingKeypadSimulator extends SimulatedDevice {
    /** Held for a whole press with its resends. */
    private final Object oneAtATime = new Object();
    /** Guards the waiting press; released while waiting for its ack. */
    private final Object lock = new Object();
    private final Map<Integer, Integer> sequences = new HashMap<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger resendsSent = new AtomicInteger();
    private final AtomicInteger acksToLose = new AtomicInteger();
    private volatile Duration ackTimeout = Duration.ofMillis(300);
    private volatile int resends = 3;
    /** The press waiting for its ack: address and sequence number, or -1. */
    private int waitingAddress = -1;
    private int waitingSequence = -1;
    private boolean acked;

    /** Keypads at 9600 baud. */
    public RatingKeypadSimulator(Path port) {
        this(port, 9_600);
    }

    public RatingKeypadSimulator(Path port, int baud) {
        super(port, baud);
    }

    /** How long a keypad waits for the ack before it sends the press again (default 300 ms). */
    public void ackTimeout(Duration timeout) {
        ackTimeout = timeout;
    }

    /** How many times a keypad sends a press again without an ack (default 3; 0: never). */
    public void resends(int times) {
        resends = times;
    }

    /** The next acknowledgement is lost on the line: the keypad resends. */
    public void loseNextAck() {
        acksToLose.incrementAndGet();
    }

    /** Acknowledgements heard (right address and sequence number, right check). */
    public int acks() {
        return acks.get();
    }

    /** Presses sent again for want of an ack. */
    public int resendsSent() {
        return resendsSent.get();
    }

    /**
     * Presses a key on the keypad at a bus address: sends the press and waits for its ack,
     * sending it again after each {@link #ackTimeout} up to {@link #resends} times. One press at
     * a time on the line.
     *
     * @return whether the host acknowledged it
     */
    public boolean press(int address, int key) {
        if (address < 0 || address > 255 || key < 0 || key > 255) {
            throw new IllegalArgumentException("address and key are bytes: 0 to 255");
        }
        synchronized (oneAtATime) {
            return pressAndWait(address, key);
        }
    }

    private boolean pressAndWait(int address, int key) {
        synchronized (lock) {
            int seq = sequences.getOrDefault(address, 0);
            sequences.put(address, (seq + 1) & 0xFF);
            byte[] frame = pressFrame(address, key, seq);
            waitingAddress = address;
            waitingSequence = seq;
            acked = false;
            try {
                for (int attempt = 0; attempt <= resends; attempt++) {
                    if (attempt > 0) {
                        resendsSent.incrementAndGet();
                    }
                    send(frame);
                    long deadline = System.nanoTime() + ackTimeout.toNanos();
                    long left;
                    while (!acked && (left = deadline - System.nanoTime()) > 0) {
                        lock.wait(Math.max(1, left / 1_000_000));
                    }
                    if (acked) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waitingAddress = -1;
                waitingSequence = -1;
            }
        }
    }

    /** {@code 5A A5 05 ADDR 01 KEY SEQ SUM}. */
    public static byte[] pressFrame(int address, int key, int sequence) {
        byte[] f = {0x5A, (byte) 0xA5, 0x05, (byte) address, 0x01, (byte) key, (byte) sequence, 0};
        int sum = 0;
        for (int i = 2; i < 7; i++) {
            sum += f[i] & 0xFF;
        }
        f[7] = (byte) sum;
        return f;
    }

    @Override
    protected int received(byte[] b, int length) {
        int start = 0;
        while (start + 1 < length && !((b[start] & 0xFF) == 0x5A && (b[start + 1] & 0xFF) == 0xA5)) {
            start++;
        }
        if (start + 3 > length) {
            return start; // drop noise before a header, wait for the rest
        }
        int len = b[start + 2] & 0xFF;
        if (len < 4) {
            return start + 2; // not a frame: look for the next header
        }
        if (start + 3 + len > length) {
            return start;
        }
        int sum = 0;
        for (int i = start + 2; i < start + 2 + len; i++) {
            sum += b[i] & 0xFF;
        }
        boolean checkOk = (byte) sum == b[start + 2 + len];
        if (checkOk && len == 4 && (b[start + 4] & 0xFF) == 0x81) {
            heardAck(b[start + 3] & 0xFF, b[start + 5] & 0xFF);
        }
        return start + 3 + len;
    }

    private void heardAck(int address, int sequence) {
        if (acksToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        synchronized (lock) {
            if (address == waitingAddress && sequence == waitingSequence && !acked) {
                acked = true;
                acks.incrementAndGet();
                lock.notifyAll();
            }
        }
    }
}
