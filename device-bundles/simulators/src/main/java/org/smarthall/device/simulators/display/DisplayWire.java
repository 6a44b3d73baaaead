package org.smarthall.device.simulators.display;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A call display's frame layout as the display sees it:
 * {@code header | [address] length [address] | [command] text | check | trailer}, the check over
 * the bytes between header and check. Written apart from the driver's vendor profile on purpose
 * (the driver's tests run the two against each other, so one misreading does not pass its own test).
 *
 * @param name           profile name, as the driver's configuration spells it
 * @param header         sync bytes
 * @param addressWidth   1 or 2 bytes
 * @param addressFirst   whether the address comes before the length field
 * @param lengthWidth    1 or 2 bytes
 * @param bigEndian      byte order of 2-byte address and length fields
 * @param lengthCounts   what the length field counts
 * @param command        the show command byte before the text, -1 for none
 * @param encoding       the text's encoding
 * @param trailer        end bytes after the check
 * @param check          the check
 * @param checkBigEndian byte order of a 16-bit check
 * @param answer         what the display answers to a frame
 * @param ack            the ACK byte (bare or as a framed answer's status)
 * @param nak            the NAK byte
 */
public record DisplayWire(String name, byte[] header, int addressWidth, boolean addressFirst, int lengthWidth,
        boolean bigEndian, Counts lengthCounts, int command, Charset encoding, byte[] trailer, Check check,
        boolean checkBigEndian, Answer answer, int ack, int nak) {

    /** What a length field counts: command and text; everything the check covers; the whole frame. */
    public enum Counts {
        PAYLOAD, BODY, FRAME
    }

    public enum Check {
        NONE, SUM8, XOR8, CRC16_MODBUS, CRC16_CCITT
    }

    /** Nothing; a bare ACK or NAK byte; a frame of this layout whose payload is one status byte. */
    public enum Answer {
        NONE, BYTE, FRAMED
    }

    /** The hall LED board: {@code AA 55 | len (2, BE, text) | addr (1) | GBK | SUM8 | 0D}, no answer. */
    public static final DisplayWire LED_GBK_SUM8 = new DisplayWire("led-gbk-sum8", new byte[] {(byte) 0xAA, 0x55}, 1,
            false, 2, true, Counts.PAYLOAD, -1, Charset.forName("GBK"), new byte[] {0x0D}, Check.SUM8, true,
            Answer.NONE, 0x06, 0x15);

    /**
     * The window display: {@code 02 | addr (2, BE) | len (1, frame) | 31 | UTF-16LE | CRC16/MODBUS (LE) | 03},
     * answering {@code 02 | addr | 08 | 06 or 15 | CRC | 03}.
     */
    public static final DisplayWire WINDOW_CRC16_ACK = new DisplayWire("window-crc16-ack", new byte[] {0x02}, 2, true,
            1, true, Counts.FRAME, 0x31, StandardCharsets.UTF_16LE, new byte[] {0x03}, Check.CRC16_MODBUS, false,
            Answer.FRAMED, 0x06, 0x15);

    public DisplayWire {
        Objects.requireNonNull(name);
        header = header.clone();
        trailer = trailer.clone();
        if (header.length == 0) {
            throw new IllegalArgumentException("a header is needed");
        }
    }

    /** A built-in layout by the name the driver's configuration uses. */
    public static DisplayWire named(String name) {
        return switch (name) {
            case "led-gbk-sum8" -> LED_GBK_SUM8;
            case "window-crc16-ack" -> WINDOW_CRC16_ACK;
            default -> throw new IllegalArgumentException("no display profile " + name
                    + "; known: led-gbk-sum8, window-crc16-ack");
        };
    }

    /** The same layout with another way of answering. */
    public DisplayWire withAnswer(Answer how, int ackByte, int nakByte) {
        return new DisplayWire(name, header, addressWidth, addressFirst, lengthWidth, bigEndian, lengthCounts, command,
                encoding, trailer, check, checkBigEndian, how, ackByte, nakByte);
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] trailer() {
        return trailer.clone();
    }

    /** Bytes the check takes. */
    public int checkWidth() {
        return switch (check) {
            case NONE -> 0;
            case SUM8, XOR8 -> 1;
            case CRC16_MODBUS, CRC16_CCITT -> 2;
        };
    }

    /** Frame bytes that are not payload. */
    int overhead() {
        return header.length + addressWidth + lengthWidth + checkWidth() + trailer.length;
    }

    /** The check over {@code b[from, to)}, bit by bit (no tables: not the driver's way of computing it). */
    int check(byte[] b, int from, int to) {
        int v = 0;
        switch (check) {
            case SUM8 -> {
                for (int i = from; i < to; i++) {
                    v = (v + (b[i] & 0xFF)) % 256;
                }
            }
            case XOR8 -> {
                for (int i = from; i < to; i++) {
                    v ^= b[i] & 0xFF;
                }
            }
            case CRC16_MODBUS -> {
                v = 0xFFFF;
                for (int i = from; i < to; i++) {
                    v ^= b[i] & 0xFF;
                    for (int bit = 0; bit < 8; bit++) {
                        boolean low = (v & 1) == 1;
                        v >>>= 1;
                        if (low) {
                            v ^= 0xA001;
                        }
                    }
                }
            }
            case CRC16_CCITT -> {
                v = 0xFFFF;
                for (int i = from; i < to; i++) {
                    v ^= (b[i] & 0xFF) << 8;
                    for (int bit = 0; bit < 8; bit++) {
                        boolean high = (v & 0x8000) != 0;
                        v = (v << 1) & 0xFFFF;
                        if (high) {
                            v ^= 0x1021;
                        }
                    }
                }
            }
            default -> v = 0;
        }
        return v;
    }

    /** A frame of this layout (what the display sends back, or what a test sends it). */
    public byte[] frame(int address, byte[] payload) {
        int total = overhead() + payload.length;
        byte[] f = new byte[total];
        System.arraycopy(header, 0, f, 0, header.length);
        int at = header.length;
        if (addressFirst) {
            at = field(f, at, addressWidth, address);
            at = field(f, at, lengthWidth, lengthValue(payload.length));
        } else {
            at = field(f, at, lengthWidth, lengthValue(payload.length));
            at = field(f, at, addressWidth, address);
        }
        System.arraycopy(payload, 0, f, at, payload.length);
        at += payload.length;
        int c = check(f, header.length, at);
        int w = checkWidth();
        for (int i = 0; i < w; i++) {
            f[at + i] = (byte) (c >>> (8 * (checkBigEndian ? w - 1 - i : i)));
        }
        System.arraycopy(trailer, 0, f, at + w, trailer.length);
        return f;
    }

    int lengthValue(int payload) {
        return switch (lengthCounts) {
            case PAYLOAD -> payload;
            case BODY -> addressWidth + lengthWidth + payload;
            case FRAME -> overhead() + payload;
        };
    }

    private int field(byte[] f, int at, int width, int value) {
        for (int i = 0; i < width; i++) {
            f[at + i] = (byte) (value >>> (8 * (bigEndian ? width - 1 - i : i)));
        }
        return at + width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisplayWire w && name.equals(w.name) && Arrays.equals(header, w.header)
                && Arrays.equals(trailer, w.trailer) && addressWidth == w.addressWidth && addressFirst == w.addressFirst
                && lengthWidth == w.lengthWidth && bigEndian == w.bigEndian && lengthCounts == w.lengthCounts
                && command == w.command && encoding.equals(w.encoding) && check == w.check
                && checkBigEndian == w.checkBigEndian && answer == w.answer && ack == w.ack && nak == w.nak;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(header), answer, check);
    }

    @Override
    public String toString() {
        return "DisplayWire[" + name + ", answer " + answer + "]";
    }
}
