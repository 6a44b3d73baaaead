package org.smarthall.device.serial;

import java.util.Arrays;

/**
 * A whole frame as received, header and check included.
 *
 * @param firstByteMillis epoch milliseconds when the read that brought the frame's first byte returned
 */
public record Frame(byte[] bytes, long firstByteMillis) {

    public Frame {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** One byte, unsigned. */
    public int at(int index) {
        return bytes[index] & 0xFF;
    }

    /** A copy of a range. */
    public byte[] slice(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && firstByteMillis == f.firstByteMillis && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Only the length: a frame can carry personal data (an identity card's fields). */
    @Override
    public String toString() {
        return "Frame[" + bytes.length + " bytes]";
    }
}
