package org.smarthall.device.serial.internal;

import java.util.Arrays;

import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.FrameCodec;

/**
 * Bytes in, whole checked frames out, whatever the read boundaries: finds the codec's header (if it has one),
 * reads the length, waits for the rest until the frame timeout, checks. A frame that fails is
 * counted once and the search starts again one byte after its header, so that a good frame that
 * follows a truncated one inside the same bytes is still found. Not thread-safe: the link's
 * reader thread owns it.
 */
final class FrameAssembler {

    /** Where the assembler's findings go. */
    interface Sink {
        void good(Frame frame);

        /** @param why {@code check}, {@code length} or {@code timeout} */
        void bad(String why);

        void skipped(int bytes);
    }

    private final FrameCodec codec;
    private final byte[] header;
    private final long timeoutNanos;
    private final Sink sink;
    private byte[] buf = new byte[4096];
    private int len;
    /** When the frame at the buffer's start began, or -1 while no header is at the start. */
    private long startNanos = -1;
    private long startMillis;

    FrameAssembler(FrameCodec codec, long timeoutNanos, Sink sink) {
        this.codec = codec;
        this.header = codec.header().clone();
        // an empty header is allowed: every position then starts a candidate frame (indexOfHeader
        // answers 0) and only the check tells a frame from noise
        if (codec.prefixLength() < Math.max(1, header.length)) {
            throw new IllegalArgumentException("a codec needs a prefix of at least one byte and at least its header");
        }
        this.timeoutNanos = timeoutNanos;
        this.sink = sink;
    }

    /** Bytes from one read. */
    void accept(byte[] data, int count, long nowNanos, long nowMillis) {
        if (len + count > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + count, Math.min(buf.length * 2, codec.maxFrameLength() * 2 + count)));
        }
        System.arraycopy(data, 0, buf, len, count);
        len += count;
        scan(nowNanos, nowMillis);
    }

    /** Called when a read returned nothing: a frame begun too long ago is given up. */
    void tick(long nowNanos, long nowMillis) {
        if (startNanos >= 0 && nowNanos - startNanos > timeoutNanos) {
            sink.bad("timeout");
            drop(1);
            scan(nowNanos, nowMillis);
        }
    }

    /** Forgets a partial frame (the port was reopened: what follows is not its rest). */
    void reset() {
        if (startNanos >= 0) {
            sink.bad("timeout");
        }
        len = 0;
        startNanos = -1;
    }

    /** Bytes held: a partial frame or a partial header. */
    int pending() {
        return len;
    }

    private void scan(long nowNanos, long nowMillis) {
        while (len > 0) {
            int at = indexOfHeader();
            if (at < 0) {
                // keep a tail that may be the start of a header the next read completes
                int keep = Math.min(len, header.length - 1);
                while (keep > 0 && !startsHeader(len - keep, keep)) {
                    keep--;
                }
                if (len - keep > 0) {
                    sink.skipped(len - keep);
                    drop(len - keep);
                }
                return;
            }
            if (at > 0) {
                sink.skipped(at);
                drop(at);
            }
            if (startNanos < 0) {
                startNanos = nowNanos;
                startMillis = nowMillis;
            }
            if (len < codec.prefixLength()) {
                return;
            }
            int length = codec.frameLength(Arrays.copyOf(buf, codec.prefixLength()));
            if (length < codec.prefixLength() || length > codec.maxFrameLength()) {
                sink.bad("length");
                drop(1);
                continue;
            }
            if (len < length) {
                if (nowNanos - startNanos > timeoutNanos) {
                    sink.bad("timeout");
                    drop(1);
                    continue;
                }
                return;
            }
            byte[] frame = Arrays.copyOf(buf, length);
            if (codec.checkOk(frame)) {
                long millis = startMillis;
                drop(length);
                sink.good(new Frame(frame, millis));
            } else {
                sink.bad("check");
                drop(1);
            }
        }
    }

    private int indexOfHeader() {
        outer:
        for (int i = 0; i + header.length <= len; i++) {
            for (int j = 0; j < header.length; j++) {
                if (buf[i + j] != header[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean startsHeader(int from, int count) {
        for (int j = 0; j < count; j++) {
            if (buf[from + j] != header[j]) {
                return false;
            }
        }
        return true;
    }

    private void drop(int count) {
        System.arraycopy(buf, count, buf, 0, len - count);
        len -= count;
        startNanos = -1;
    }
}
