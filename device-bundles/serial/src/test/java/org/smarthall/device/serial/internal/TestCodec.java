package org.smarthall.device.serial.internal;

import org.smarthall.device.serial.FrameCodec;

/** A small protocol for the transport's tests: {@code AA 55 len payload xor}, the XOR over len and payload. */
final class TestCodec implements FrameCodec {
    static final TestCodec INSTANCE = new TestCodec();

    @Override
    public byte[] header() {
        return new byte[] {(byte) 0xAA, 0x55};
    }

    @Override
    public int prefixLength() {
        return 3;
    }

    @Override
    public int frameLength(byte[] prefix) {
        return 3 + (prefix[2] & 0xFF) + 1;
    }

    @Override
    public int maxFrameLength() {
        return 3 + 255 + 1;
    }

    @Override
    public boolean checkOk(byte[] frame) {
        int x = 0;
        for (int i = 2; i < frame.length - 1; i++) {
            x ^= frame[i];
        }
        return (byte) x == frame[frame.length - 1];
    }

    static byte[] frame(byte... payload) {
        byte[] f = new byte[payload.length + 4];
        f[0] = (byte) 0xAA;
        f[1] = 0x55;
        f[2] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 3, payload.length);
        int x = 0;
        for (int i = 2; i < f.length - 1; i++) {
            x ^= f[i];
        }
        f[f.length - 1] = (byte) x;
        return f;
    }
}
