package org.smarthall.device.simulators.display;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.SimulatedDevice;

/**
 * A bus of call displays speaking one {@link DisplayWire} layout: keeps what each address shows,
 * counts frames whose check (or trailer) is wrong and NAKs them when the layout answers, ACKs
 * the good ones. Fault modes besides the line's: {@link #nakNext()} refuses the next good frame,
 * {@link #silent(boolean)} ignores every frame (a display switched off), {@link #spoilNextAnswer}
 * corrupts the next answer frame.
 */
public final class CallDisplaySimulator extends SimulatedDevice {
    /** Longer than any frame a display takes: a length field saying more is corrupt. */
    private static final int MAX_FRAME = 4096;

    private final DisplayWire wire;
    private final byte[] header;
    private final byte[] trailer;
    private final Map<Integer, String> shown = new ConcurrentHashMap<>();
    private final AtomicInteger framesShown = new AtomicInteger();
    private final AtomicInteger badFrames = new AtomicInteger();
    private final AtomicInteger framesIgnored = new AtomicInteger();
    private final AtomicInteger naksSent = new AtomicInteger();
    private final AtomicInteger naksToSend = new AtomicInteger();
    private final Queue<Fault> answerFaults = new ConcurrentLinkedQueue<>();
    private volatile boolean silent;

    public CallDisplaySimulator(Path port, DisplayWire wire) {
        this(port, 9_600, wire);
    }

    public CallDisplaySimulator(Path port, int baud, DisplayWire wire) {
        super(port, baud);
        this.wire = wire;
        this.header = wire.header();
        this.trailer = wire.trailer();
    }

    public DisplayWire wire() {
        return wire;
    }

    /** What the display at this address shows now. */
    public Optional<String> shown(int address) {
        return Optional.ofNullable(shown.get(address));
    }

    /** Every address that shows something, in order. */
    public SortedMap<Integer, String> shownAll() {
        return new TreeMap<>(shown);
    }

    /** Good frames taken and shown. */
    public int framesShown() {
        return framesShown.get();
    }

    /** Frames with a wrong check or trailer, or an impossible length. */
    public int badFrames() {
        return badFrames.get();
    }

    /** Good frames not shown: refused by {@link #nakNext()}, ignored while silent, or an unknown command. */
    public int framesIgnored() {
        return framesIgnored.get();
    }

    public int naksSent() {
        return naksSent.get();
    }

    /** Refuses the next good frame with a NAK (calls add up). Without answers in the layout it only drops it. */
    public void nakNext() {
        naksToSend.incrementAndGet();
    }

    /** A silent display takes no frame and answers nothing. */
    public void silent(boolean on) {
        silent = on;
    }

    /**
     * Spoils the next answer frame: {@link Fault#BAD_CHECKSUM} flips a bit of its check (not of its
     * trailer), {@link Fault#TRUNCATED} sends half of it.
     */
    public void spoilNextAnswer(Fault fault) {
        answerFaults.add(fault);
    }

    @Override
    protected int received(byte[] b, int length) {
        int start = indexOfHeader(b, length);
        if (start < 0) {
            return Math.max(0, length - (header.length - 1)); // keep what may be a header's start
        }
        if (start > 0) {
            return start;
        }
        int lengthAt = header.length + (wire.addressFirst() ? wire.addressWidth() : 0);
        int addressAt = header.length + (wire.addressFirst() ? 0 : wire.lengthWidth());
        if (length < lengthAt + wire.lengthWidth()) {
            return 0;
        }
        int value = field(b, lengthAt, wire.lengthWidth());
        int payload = switch (wire.lengthCounts()) {
            case PAYLOAD -> value;
            case BODY -> value - wire.addressWidth() - wire.lengthWidth();
            case FRAME -> value - wire.overhead();
        };
        int total = wire.overhead() + payload;
        if (payload < 0 || total > MAX_FRAME) {
            badFrames.incrementAndGet();
            return 1;
        }
        if (length < total) {
            return 0;
        }
        int address = field(b, addressAt, wire.addressWidth());
        int checkAt = total - trailer.length - wire.checkWidth();
        if (!trailerOk(b, total) || readCheck(b, checkAt) != wire.check(b, header.length, checkAt)) {
            badFrames.incrementAndGet();
            answer(address, false);
            // a frame whose trailer is in place ends there; without it the length may be wrong: look again after the header
            return trailerOk(b, total) ? total : 1;
        }
        int payloadAt = header.length + wire.addressWidth() + wire.lengthWidth();
        take(address, Arrays.copyOfRange(b, payloadAt, checkAt));
        return total;
    }

    private void take(int address, byte[] payload) {
        if (silent) {
            framesIgnored.incrementAndGet();
            return;
        }
        if (naksToSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            framesIgnored.incrementAndGet();
            answer(address, false);
            return;
        }
        int textAt = 0;
        if (wire.command() >= 0) {
            if (payload.length == 0 || (payload[0] & 0xFF) != wire.command()) {
                framesIgnored.incrementAndGet();
                answer(address, false);
                return;
            }
            textAt = 1;
        }
        shown.put(address, new String(payload, textAt, payload.length - textAt, wire.encoding()));
        framesShown.incrementAndGet();
        answer(address, true);
    }

    private void answer(int address, boolean ack) {
        if (silent || wire.answer() == DisplayWire.Answer.NONE) {
            return;
        }
        if (!ack) {
            naksSent.incrementAndGet();
        }
        int status = ack ? wire.ack() : wire.nak();
        if (wire.answer() == DisplayWire.Answer.BYTE) {
            send(new byte[] {(byte) status});
            return;
        }
        byte[] frame = wire.frame(address, new byte[] {(byte) status});
        Fault fault = answerFaults.poll();
        if (fault == Fault.BAD_CHECKSUM) {
            int at = frame.length - trailer.length - Math.max(1, wire.checkWidth());
            frame[at] ^= 0x01;
        } else if (fault == Fault.TRUNCATED) {
            frame = Arrays.copyOf(frame, frame.length / 2);
        }
        send(frame);
    }

    private int indexOfHeader(byte[] b, int length) {
        outer:
        for (int i = 0; i + header.length <= length; i++) {
            for (int j = 0; j < header.length; j++) {
                if (b[i + j] != header[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean trailerOk(byte[] b, int total) {
        for (int i = 0; i < trailer.length; i++) {
            if (b[total - trailer.length + i] != trailer[i]) {
                return false;
            }
        }
        return true;
    }

    private int field(byte[] b, int at, int width) {
        int v = 0;
        for (int i = 0; i < width; i++) {
            v |= (b[at + i] & 0xFF) << (8 * (wire.bigEndian() ? width - 1 - i : i));
        }
        return v;
    }

    private int readCheck(byte[] b, int at) {
        int w = wire.checkWidth();
        int v = 0;
        for (int i = 0; i < w; i++) {
            v |= (b[at + i] & 0xFF) << (8 * (wire.checkBigEndian() ? w - 1 - i : i));
        }
        return v;
    }
}
