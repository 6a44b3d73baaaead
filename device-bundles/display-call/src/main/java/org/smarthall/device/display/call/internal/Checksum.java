package org.smarthall.device.display.call.internal;

/**
 * The checks vendors put after a frame's body, each over the bytes from just after the header to
 * just before the check. 16-bit checks are written in the profile's {@code checksumOrder}.
 */
enum Checksum {
    /** No check at all: the display trusts the line. */
    NONE(0),
    /** Sum of the bytes modulo 256. */
    SUM8(1),
    /** XOR of the bytes. */
    XOR8(1),
    /** CRC-16/MODBUS: polynomial 0x8005 reflected (0xA001), init 0xFFFF, no final XOR; check value 0x4B37. */
    CRC16_MODBUS(2),
    /** CRC-16/CCITT-FALSE (IBM-3740): polynomial 0x1021, init 0xFFFF, not reflected, no final XOR; check value 0x29B1. */
    CRC16_CCITT(2);

    private static final int[] MODBUS = new int[256];
    private static final int[] CCITT = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int m = n;
            int c = n << 8;
            for (int bit = 0; bit < 8; bit++) {
                m = (m & 1) != 0 ? (m >>> 1) ^ 0xA001 : m >>> 1;
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            MODBUS[n] = m;
            CCITT[n] = c & 0xFFFF;
        }
    }

    private final int width;

    Checksum(int width) {
        this.width = width;
    }

    /** Bytes the check takes in the frame. */
    int width() {
        return width;
    }

    /** The check over {@code bytes[from, to)}, as an unsigned value of {@link #width()} bytes. */
    int compute(byte[] bytes, int from, int to) {
        int v;
        switch (this) {
            case SUM8 -> {
                v = 0;
                for (int i = from; i < to; i++) {
                    v += bytes[i] & 0xFF;
                }
                v &= 0xFF;
            }
            case XOR8 -> {
                v = 0;
                for (int i = from; i < to; i++) {
                    v ^= bytes[i] & 0xFF;
                }
            }
            case CRC16_MODBUS -> {
                v = 0xFFFF;
                for (int i = from; i < to; i++) {
                    v = (v >>> 8) ^ MODBUS[(v ^ bytes[i]) & 0xFF];
                }
            }
            case CRC16_CCITT -> {
                v = 0xFFFF;
                for (int i = from; i < to; i++) {
                    v = ((v << 8) ^ CCITT[((v >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
                }
            }
            default -> v = 0;
        }
        return v;
    }
}
