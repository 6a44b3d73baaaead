package org.smarthall.device.idcard.sam.internal;

import org.smarthall.device.serial.FrameCodec;

/**
 * Frames of the SAM module of a second-generation ID card reader:
 * {@code AA AA AA 96 69 | len (2 bytes, big-endian) | body | check}, where {@code len} counts the
 * body and the check, and the check is the XOR of the two length bytes and the body.
 * A request's body is a command and a parameter; an answer's is {@code SW1 SW2 SW3} and data.
 */
final class SamCodec implements FrameCodec {
    static final SamCodec INSTANCE = new SamCodec();
    private static final byte[] HEADER = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Header and length field. */
    static final int PREFIX = 7;
    /** Where an answer's SW3 (the status) is. */
    static final int SW3 = 9;
    /** Where an answer's data begins. */
    static final int DATA = 10;

    @Override
    public byte[] header() {
        return HEADER.clone();
    }

    @Override
    public int prefixLength() {
        return PREFIX;
    }

    @Override
    public int frameLength(byte[] prefix) {
        int len = (prefix[5] & 0xFF) << 8 | (prefix[6] & 0xFF);
        return len < 1 ? -1 : PREFIX + len;
    }

    @Override
    public int maxFrameLength() {
        // the longest answer is a read with fingerprint data: 7 + 3 + 6 + 256 + 1024 + 1024 + 1
        return 2_400;
    }

    @Override
    public boolean checkOk(byte[] frame) {
        return frame[frame.length - 1] == xor(frame, 5, frame.length - 1);
    }

    /** A request frame: a command byte and a parameter byte. */
    static byte[] request(int command, int parameter) {
        byte[] f = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x00, 0x03, (byte) command,
                (byte) parameter, 0};
        f[9] = xor(f, 5, 9);
        return f;
    }

    private static byte xor(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i];
        }
        return (byte) x;
    }
}
