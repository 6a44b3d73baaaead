package org.smarthall.device.display.call.internal;

import java.nio.charset.CharsetEncoder;
import java.util.Arrays;

import org.smarthall.device.display.call.internal.VendorProfile.AckMode;
import org.smarthall.device.display.call.internal.VendorProfile.AddressPosition;
import org.smarthall.device.display.call.internal.VendorProfile.Endian;
import org.smarthall.device.serial.FrameCodec;

/**
 * Frames of one {@link VendorProfile}: encodes "show text" frames, and is the transport's
 * {@link FrameCodec} for what the display sends back (framed acknowledgements). Pure and
 * stateless; the text is never logged or kept.
 */
final class VendorFrameCodec implements FrameCodec {

    /** A show frame and how many characters the encoding could not write (sent as {@code ?}). */
    record Encoded(byte[] frame, int replaced) {
    }

    /** What a received frame says. */
    record Decoded(int address, byte[] payload) {
    }

    private final VendorProfile p;
    private final int headerLength;
    private final int lengthOffset;
    private final int addressOffset;
    private final int fixed;

    VendorFrameCodec(VendorProfile profile) {
        this.p = profile;
        this.headerLength = profile.header().length;
        boolean before = profile.addressPosition() == AddressPosition.BEFORE_LENGTH;
        this.addressOffset = before ? headerLength : headerLength + profile.lengthWidth();
        this.lengthOffset = before ? headerLength + profile.addressWidth() : headerLength;
        this.fixed = headerLength + profile.addressWidth() + profile.lengthWidth() + profile.checksum().width()
                + profile.trailer().length;
    }

    VendorProfile profile() {
        return p;
    }

    /**
     * The codec the serial link needs for what this display answers: this one for framed
     * acknowledgements (and for displays that send nothing), a headerless one-byte codec for a
     * bare ACK or NAK byte (any other byte is line noise, counted bad).
     */
    FrameCodec linkCodec() {
        return p.ack() == AckMode.BYTE ? new AnswerByteCodec((byte) p.ackStatus(), (byte) p.nakStatus()) : this;
    }

    /**
     * The frame that shows {@code text} at {@code address}.
     *
     * @throws IllegalArgumentException when the address does not fit its field or the text is longer than
     *                                  {@link VendorProfile#maxChars()}; the message does not quote the text
     */
    Encoded show(int address, String text) {
        int chars = text.codePointCount(0, text.length());
        if (chars > p.maxChars()) {
            throw new IllegalArgumentException("a text of " + chars + " characters is longer than the " + p.maxChars()
                    + " this display shows (" + p.name() + ")");
        }
        CharsetEncoder encoder = p.encoding().newEncoder();
        StringBuilder writable = new StringBuilder(text.length());
        int replaced = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            String one = new String(Character.toChars(cp));
            if (encoder.canEncode(one)) {
                writable.append(one);
            } else {
                writable.append('?');
                replaced++;
            }
            i += Character.charCount(cp);
        }
        byte[] bytes = writable.toString().getBytes(p.encoding());
        byte[] payload;
        if (p.command().isPresent()) {
            payload = new byte[bytes.length + 1];
            payload[0] = (byte) p.command().getAsInt();
            System.arraycopy(bytes, 0, payload, 1, bytes.length);
        } else {
            payload = bytes;
        }
        return new Encoded(frame(address, payload), replaced);
    }

    /** A frame with any payload (a show text's command and text, an acknowledgement's status). */
    byte[] frame(int address, byte[] payload) {
        if (address < 0 || address > p.maxAddress()) {
            throw new IllegalArgumentException("address " + address + " does not fit the " + p.addressWidth()
                    + "-byte address field (0 to " + p.maxAddress() + ")");
        }
        byte[] f = new byte[fixed + payload.length];
        System.arraycopy(p.header(), 0, f, 0, headerLength);
        put(f, addressOffset, p.addressWidth(), address, p.byteOrder());
        put(f, lengthOffset, p.lengthWidth(), (int) p.lengthValue(payload.length), p.byteOrder());
        int payloadAt = headerLength + p.addressWidth() + p.lengthWidth();
        System.arraycopy(payload, 0, f, payloadAt, payload.length);
        int checkAt = payloadAt + payload.length;
        put(f, checkAt, p.checksum().width(), p.checksum().compute(f, headerLength, checkAt), p.checksumOrder());
        byte[] trailer = p.trailer();
        System.arraycopy(trailer, 0, f, checkAt + p.checksum().width(), trailer.length);
        return f;
    }

    /** Address and payload of a whole frame that passed {@link #checkOk}. */
    Decoded decode(byte[] frame) {
        int payloadAt = headerLength + p.addressWidth() + p.lengthWidth();
        int payloadEnd = frame.length - p.checksum().width() - p.trailer().length;
        return new Decoded(get(frame, addressOffset, p.addressWidth(), p.byteOrder()),
                Arrays.copyOfRange(frame, payloadAt, payloadEnd));
    }

    // --- FrameCodec: what comes back from the display

    @Override
    public byte[] header() {
        return p.header();
    }

    @Override
    public int prefixLength() {
        return lengthOffset + p.lengthWidth();
    }

    @Override
    public int frameLength(byte[] prefix) {
        long value = get(prefix, lengthOffset, p.lengthWidth(), p.byteOrder());
        long payload = switch (p.lengthCounts()) {
            case PAYLOAD -> value;
            case BODY -> value - p.addressWidth() - p.lengthWidth();
            case FRAME -> value - fixed;
        };
        return payload < 0 ? -1 : (int) (fixed + payload);
    }

    @Override
    public int maxFrameLength() {
        return fixed + (p.command().isPresent() ? 1 : 0) + p.maxChars() * VendorProfile.maxBytesPerChar(p.encoding());
    }

    @Override
    public boolean checkOk(byte[] frame) {
        byte[] trailer = p.trailer();
        if (frame.length < fixed) {
            return false;
        }
        int trailerAt = frame.length - trailer.length;
        for (int i = 0; i < trailer.length; i++) {
            if (frame[trailerAt + i] != trailer[i]) {
                return false;
            }
        }
        int checkAt = trailerAt - p.checksum().width();
        return get(frame, checkAt, p.checksum().width(), p.checksumOrder())
                == p.checksum().compute(frame, headerLength, checkAt);
    }

    private static void put(byte[] f, int at, int width, int value, Endian order) {
        for (int i = 0; i < width; i++) {
            int shift = 8 * (order == Endian.BIG ? width - 1 - i : i);
            f[at + i] = (byte) (value >>> shift);
        }
    }

    private static int get(byte[] f, int at, int width, Endian order) {
        int v = 0;
        for (int i = 0; i < width; i++) {
            int shift = 8 * (order == Endian.BIG ? width - 1 - i : i);
            v |= (f[at + i] & 0xFF) << shift;
        }
        return v;
    }

    /** A bare ACK or NAK byte as a one-byte frame without a header (serial 1.1); any other byte fails the check. */
    private record AnswerByteCodec(byte ack, byte nak) implements FrameCodec {
        @Override
        public byte[] header() {
            return new byte[0];
        }

        @Override
        public int prefixLength() {
            return 1;
        }

        @Override
        public int frameLength(byte[] prefix) {
            return 1;
        }

        @Override
        public int maxFrameLength() {
            return 1;
        }

        @Override
        public boolean checkOk(byte[] frame) {
            return frame.length == 1 && (frame[0] == ack || frame[0] == nak);
        }
    }
}
