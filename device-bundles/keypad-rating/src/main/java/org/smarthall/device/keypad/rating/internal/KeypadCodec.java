package org.smarthall.device.keypad.rating.internal;

import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.FrameCodec;

/**
 * The keypad line's frames. There is no open standard for satisfaction keypads, so this is
 * SmartHall's own, documented byte by byte in {@code docs/device-vendors.md}:
 *
 * <pre>
 * offset  0    1    2    3     4     5 ..         last
 *         5A   A5   LEN  ADDR  TYPE  payload      SUM
 * </pre>
 *
 * {@code LEN} counts the bytes after it, the check included; {@code SUM} is the sum of the
 * bytes from {@code LEN} to the last payload byte, modulo 256. Types:
 * <ul>
 * <li>{@code 01} key press, keypad to host: payload {@code KEY SEQ} ({@code LEN = 05});
 * <li>{@code 81} acknowledgement, host to keypad: payload {@code SEQ} ({@code LEN = 04}).
 * </ul>
 * A keypad numbers its presses ({@code SEQ}, 0 to 255, wrapping) and sends a press again, with
 * the same number, until the host acknowledges it: two keypads talking at once on RS-485 garble
 * both frames, and the resend is how a press survives that.
 */
final class KeypadCodec implements FrameCodec {
    static final KeypadCodec INSTANCE = new KeypadCodec();
    static final int HEADER_0 = 0x5A;
    static final int HEADER_1 = 0xA5;
    static final int TYPE_PRESS = 0x01;
    static final int TYPE_ACK = 0x81;
    /** Header and length byte. */
    static final int PREFIX = 3;
    /** The shortest frame has an address, a type, one payload byte and the check. */
    static final int MIN_LEN = 4;
    /** Room for frame types a later keypad may add; longer is noise. */
    static final int MAX_LEN = 32;
    private static final int ADDR = 3;
    private static final int TYPE = 4;
    private static final int PAYLOAD = 5;

    /** What a frame from the line says. */
    sealed interface Message permits KeyPress, AckEcho, Unknown {
    }

    /** A key pressed on the keypad at {@code address}; {@code sequence} is the same in every resend. */
    record KeyPress(int address, int key, int sequence) implements Message {
    }

    /** An acknowledgement: on a line whose adapter echoes what the host writes, the host's own. */
    record AckEcho(int address, int sequence) implements Message {
    }

    /** A well-formed frame of a type or shape this driver does not know. */
    record Unknown(int address, int type, int len) implements Message {
    }

    @Override
    public byte[] header() {
        return new byte[] {(byte) HEADER_0, (byte) HEADER_1};
    }

    @Override
    public int prefixLength() {
        return PREFIX;
    }

    @Override
    public int frameLength(byte[] prefix) {
        int len = prefix[2] & 0xFF;
        return len < MIN_LEN || len > MAX_LEN ? -1 : PREFIX + len;
    }

    @Override
    public int maxFrameLength() {
        return PREFIX + MAX_LEN;
    }

    @Override
    public boolean checkOk(byte[] frame) {
        return frame[frame.length - 1] == sum(frame, 2, frame.length - 1);
    }

    /** What a whole, checked frame says. */
    static Message decode(Frame frame) {
        int len = frame.at(2);
        int address = frame.at(ADDR);
        int type = frame.at(TYPE);
        if (type == TYPE_PRESS && len == 5) {
            return new KeyPress(address, frame.at(PAYLOAD), frame.at(PAYLOAD + 1));
        }
        if (type == TYPE_ACK && len == 4) {
            return new AckEcho(address, frame.at(PAYLOAD));
        }
        return new Unknown(address, type, len);
    }

    /** The host's acknowledgement of a press: {@code 5A A5 04 ADDR 81 SEQ SUM}. */
    static byte[] ack(int address, int sequence) {
        byte[] f = {(byte) HEADER_0, (byte) HEADER_1, 0x04, (byte) address, (byte) TYPE_ACK, (byte) sequence, 0};
        f[6] = sum(f, 2, 6);
        return f;
    }

    private static byte sum(byte[] b, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += b[i] & 0xFF;
        }
        return (byte) s;
    }
}
