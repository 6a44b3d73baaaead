package org.smarthall.device.display.call.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one vendor's displays frame a text: every byte of a frame follows from these fields.
 *
 * <pre>
 * header | [address] length [address] | [command] text | check | trailer
 *        |&lt;-------- the check covers this range --------&gt;|
 * </pre>
 *
 * The address sits before or after the length field. A framed acknowledgement has the same
 * layout with a payload of one status byte and no command. Two vendors are built in
 * ({@link #LED_GBK_SUM8}, {@link #WINDOW_CRC16_ACK}; byte tables in the module's README); a
 * third is described in the configuration by overriding fields of one of them
 * ({@link #configured}). A profile that cannot frame its longest text is refused when built,
 * with the key to fix named.
 *
 * @param name          the built-in profile it started from
 * @param header        sync bytes every frame starts with (1 to 8)
 * @param addressWidth  1 or 2 bytes
 * @param addressPosition whether the address comes before or after the length field
 * @param lengthWidth   1 or 2 bytes
 * @param byteOrder     of the 2-byte address and length fields
 * @param lengthCounts  what the length field counts
 * @param command       the "show text" command byte before the text, if the vendor has one
 * @param encoding      GBK, GB2312, UTF-8, UTF-16LE or UTF-16BE
 * @param trailer       end bytes after the check (0 to 4)
 * @param checksum      the check over the bytes between header and check
 * @param checksumOrder byte order of a 16-bit check
 * @param ack           what the display answers to a frame
 * @param ackStatus     the ACK byte (alone, or as the status of a framed answer)
 * @param nakStatus     the NAK byte (alone, or as the status of a framed answer)
 * @param maxChars      the longest text in characters (Unicode code points); a longer one is refused, not cut
 */
record VendorProfile(String name, byte[] header, int addressWidth, AddressPosition addressPosition, int lengthWidth,
        Endian byteOrder, LengthCounts lengthCounts, OptionalInt command, Charset encoding, byte[] trailer,
        Checksum checksum, Endian checksumOrder, AckMode ack, int ackStatus, int nakStatus, int maxChars) {

    /** Where the address field sits. */
    enum AddressPosition {
        BEFORE_LENGTH, AFTER_LENGTH
    }

    enum Endian {
        BIG, LITTLE
    }

    /** What a length field counts. */
    enum LengthCounts {
        /** The command byte (if any) and the text; in an acknowledgement the status byte. */
        PAYLOAD,
        /** Everything the check covers: address, length field and payload. */
        BODY,
        /** The whole frame, header to trailer. */
        FRAME
    }

    /** What the display answers to each frame. */
    enum AckMode {
        /** Nothing: a frame written is a frame shown, as far as the driver can know. */
        NONE,
        /** One bare byte, {@code ackStatus} or {@code nakStatus}. */
        BYTE,
        /** A frame of the profile's layout from the display's address whose payload is one status byte. */
        FRAMED
    }

    // the configuration keys, named in every refusal
    static final String HEADER = "header";
    static final String ADDRESS_WIDTH = "addressWidth";
    static final String ADDRESS_POSITION = "addressPosition";
    static final String LENGTH_WIDTH = "lengthWidth";
    static final String BYTE_ORDER = "byteOrder";
    static final String LENGTH_COUNTS = "lengthCounts";
    static final String COMMAND = "command";
    static final String ENCODING = "encoding";
    static final String TRAILER = "trailer";
    static final String CHECKSUM = "checksum";
    static final String CHECKSUM_ORDER = "checksumOrder";
    static final String ACK = "ack";
    static final String ACK_STATUS = "ackStatus";
    static final String NAK_STATUS = "nakStatus";
    static final String MAX_CHARS = "maxChars";
    static final String PROFILE = "profile";

    /** The encodings displays are known to speak; GB18030 four-byte sequences no display here shows. */
    static final List<String> ENCODINGS = List.of("GBK", "GB2312", "UTF-8", "UTF-16LE", "UTF-16BE");

    /**
     * A hall LED board: {@code AA 55 | length (2, BE, text bytes) | address (1) | GBK text | SUM8 | 0D}, no answer.
     */
    static final VendorProfile LED_GBK_SUM8 = new VendorProfile("led-gbk-sum8", new byte[] {(byte) 0xAA, 0x55}, 1,
            AddressPosition.AFTER_LENGTH, 2, Endian.BIG, LengthCounts.PAYLOAD, OptionalInt.empty(), charset("GBK"),
            new byte[] {0x0D}, Checksum.SUM8, Endian.BIG, AckMode.NONE, 0x06, 0x15, 64);

    /**
     * A window call display: {@code 02 | address (2, BE) | length (1, whole frame) | 31 | UTF-16LE text |
     * CRC16/MODBUS (low byte first) | 03}, answered by the same layout with status {@code 06} ACK or {@code 15} NAK.
     */
    static final VendorProfile WINDOW_CRC16_ACK = new VendorProfile("window-crc16-ack", new byte[] {0x02}, 2,
            AddressPosition.BEFORE_LENGTH, 1, Endian.BIG, LengthCounts.FRAME, OptionalInt.of(0x31),
            StandardCharsets.UTF_16LE, new byte[] {0x03}, Checksum.CRC16_MODBUS, Endian.LITTLE, AckMode.FRAMED, 0x06,
            0x15, 16);

    static final Map<String, VendorProfile> BUILT_IN = Map.of(LED_GBK_SUM8.name(), LED_GBK_SUM8,
            WINDOW_CRC16_ACK.name(), WINDOW_CRC16_ACK);

    /** @throws IllegalArgumentException naming the key of the field that makes no sense */
    VendorProfile {
        Objects.requireNonNull(name);
        header = header.clone();
        trailer = trailer.clone();
        if (header.length < 1 || header.length > 8) {
            throw refused(HEADER, Hex.format(header), "must be 1 to 8 bytes");
        }
        if (addressWidth != 1 && addressWidth != 2) {
            throw refused(ADDRESS_WIDTH, addressWidth, "must be 1 or 2 (bytes)");
        }
        if (lengthWidth != 1 && lengthWidth != 2) {
            throw refused(LENGTH_WIDTH, lengthWidth, "must be 1 or 2 (bytes)");
        }
        if (command.isPresent() && (command.getAsInt() < 0 || command.getAsInt() > 0xFF)) {
            throw refused(COMMAND, command.getAsInt(), "must be one byte");
        }
        if (!ENCODINGS.contains(encoding.name())) {
            throw refused(ENCODING, encoding.name(), "is none of " + ENCODINGS);
        }
        if (trailer.length > 4) {
            throw refused(TRAILER, Hex.format(trailer), "must be at most 4 bytes");
        }
        if (ackStatus < 0 || ackStatus > 0xFF) {
            throw refused(ACK_STATUS, ackStatus, "must be one byte");
        }
        if (nakStatus < 0 || nakStatus > 0xFF) {
            throw refused(NAK_STATUS, nakStatus, "must be one byte");
        }
        if (ack != AckMode.NONE && ackStatus == nakStatus) {
            throw refused(NAK_STATUS, String.format("%02X", nakStatus), "must differ from ackStatus");
        }
        if (maxChars < 1) {
            throw refused(MAX_CHARS, maxChars, "must be at least 1");
        }
        long longest = lengthValue(header.length, addressWidth, lengthWidth, lengthCounts, checksum, trailer.length,
                (command.isPresent() ? 1L : 0L) + (long) maxChars * maxBytesPerChar(encoding));
        long fits = (1L << (8 * lengthWidth)) - 1;
        if (longest > fits) {
            throw refused(MAX_CHARS, maxChars, "does not fit the " + lengthWidth + "-byte length field: the longest"
                    + " text makes it " + longest + ", more than " + fits);
        }
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public byte[] trailer() {
        return trailer.clone();
    }

    /** Bytes the length field holds for a frame with this many payload bytes. */
    long lengthValue(int payload) {
        return lengthValue(header.length, addressWidth, lengthWidth, lengthCounts, checksum, trailer.length, payload);
    }

    private static long lengthValue(int header, int addressWidth, int lengthWidth, LengthCounts counts,
            Checksum checksum, int trailer, long payload) {
        return switch (counts) {
            case PAYLOAD -> payload;
            case BODY -> addressWidth + lengthWidth + payload;
            case FRAME -> header + addressWidth + lengthWidth + payload + checksum.width() + trailer;
        };
    }

    /** Bytes one character (code point) can take at most in an encoding. */
    static int maxBytesPerChar(Charset encoding) {
        return encoding.name().startsWith("GB") ? 2 : 4;
    }

    /** The highest address the address field holds. */
    int maxAddress() {
        return addressWidth == 1 ? 0xFF : 0xFFFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorProfile p && name.equals(p.name) && Arrays.equals(header, p.header)
                && addressWidth == p.addressWidth && addressPosition == p.addressPosition
                && lengthWidth == p.lengthWidth && byteOrder == p.byteOrder && lengthCounts == p.lengthCounts
                && command.equals(p.command) && encoding.equals(p.encoding) && Arrays.equals(trailer, p.trailer)
                && checksum == p.checksum && checksumOrder == p.checksumOrder && ack == p.ack
                && ackStatus == p.ackStatus && nakStatus == p.nakStatus && maxChars == p.maxChars;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(header), addressWidth, lengthCounts, encoding, checksum, ack, maxChars);
    }

    @Override
    public String toString() {
        return name + "[header " + Hex.format(header) + ", address " + addressWidth + " " + lower(addressPosition)
                + ", length " + lengthWidth + " " + lower(byteOrder) + " counting " + lower(lengthCounts)
                + ", command " + command.stream().mapToObj(c -> String.format("%02X", c)).findFirst().orElse("none")
                + ", " + encoding.name() + ", " + lower(checksum) + " " + lower(checksumOrder) + ", trailer "
                + (trailer.length == 0 ? "none" : Hex.format(trailer)) + ", ack " + lower(ack) + ", max " + maxChars
                + " chars]";
    }

    /**
     * A built-in profile with some fields replaced, as a configuration gives them: values as
     * text, a blank value keeps the profile's field.
     *
     * @param overrides by key ({@link #HEADER}, {@link #ADDRESS_WIDTH} ...); unknown keys are refused
     * @throws IllegalArgumentException naming the key whose value makes no sense
     */
    static VendorProfile configured(String profile, Map<String, String> overrides) {
        String p = profile == null ? "" : profile.strip();
        VendorProfile base = BUILT_IN.get(p);
        if (base == null) {
            throw refused(PROFILE, p, "is not a built-in profile; known: " + BUILT_IN.keySet().stream().sorted().toList());
        }
        Draft d = new Draft(base);
        for (Map.Entry<String, String> e : new LinkedHashMap<>(overrides).entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                d.set(e.getKey(), e.getValue().strip());
            }
        }
        return d.build();
    }

    /** A profile being overridden field by field. */
    private static final class Draft {
        private final String name;
        private byte[] header;
        private int addressWidth;
        private AddressPosition addressPosition;
        private int lengthWidth;
        private Endian byteOrder;
        private LengthCounts lengthCounts;
        private OptionalInt command;
        private Charset encoding;
        private byte[] trailer;
        private Checksum checksum;
        private Endian checksumOrder;
        private AckMode ack;
        private int ackStatus;
        private int nakStatus;
        private int maxChars;

        Draft(VendorProfile p) {
            name = p.name;
            header = p.header;
            addressWidth = p.addressWidth;
            addressPosition = p.addressPosition;
            lengthWidth = p.lengthWidth;
            byteOrder = p.byteOrder;
            lengthCounts = p.lengthCounts;
            command = p.command;
            encoding = p.encoding;
            trailer = p.trailer;
            checksum = p.checksum;
            checksumOrder = p.checksumOrder;
            ack = p.ack;
            ackStatus = p.ackStatus;
            nakStatus = p.nakStatus;
            maxChars = p.maxChars;
        }

        void set(String key, String v) {
            switch (key) {
                case HEADER -> header = hex(key, v);
                case ADDRESS_WIDTH -> addressWidth = integer(key, v);
                case ADDRESS_POSITION -> addressPosition = choice(key, v, AddressPosition.class);
                case LENGTH_WIDTH -> lengthWidth = integer(key, v);
                case BYTE_ORDER -> byteOrder = choice(key, v, Endian.class);
                case LENGTH_COUNTS -> lengthCounts = choice(key, v, LengthCounts.class);
                case COMMAND -> command = "none".equalsIgnoreCase(v) ? OptionalInt.empty() : OptionalInt.of(oneByte(key, v));
                case ENCODING -> encoding = encoding(v);
                case TRAILER -> trailer = "none".equalsIgnoreCase(v) ? new byte[0] : hex(key, v);
                case CHECKSUM -> checksum = choice(key, v, Checksum.class);
                case CHECKSUM_ORDER -> checksumOrder = choice(key, v, Endian.class);
                case ACK -> ack = choice(key, v, AckMode.class);
                case ACK_STATUS -> ackStatus = oneByte(key, v);
                case NAK_STATUS -> nakStatus = oneByte(key, v);
                case MAX_CHARS -> maxChars = integer(key, v);
                default -> throw new IllegalArgumentException(key + " is no field of a vendor profile");
            }
        }

        VendorProfile build() {
            return new VendorProfile(name, header, addressWidth, addressPosition, lengthWidth, byteOrder, lengthCounts,
                    command, encoding, trailer, checksum, checksumOrder, ack, ackStatus, nakStatus, maxChars);
        }
    }

    private static byte[] hex(String key, String v) {
        try {
            return Hex.parse(v);
        } catch (IllegalArgumentException e) {
            throw refused(key, v, e.getMessage());
        }
    }

    private static int oneByte(String key, String v) {
        byte[] b = hex(key, v);
        if (b.length != 1) {
            throw refused(key, v, "must be one hex byte such as 06");
        }
        return b[0] & 0xFF;
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw refused(key, v, "is not a whole number");
        }
    }

    private static <E extends Enum<E>> E choice(String key, String v, Class<E> type) {
        String constant = v.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        throw refused(key, v, "is none of " + Arrays.stream(type.getEnumConstants()).map(VendorProfile::lower).toList());
    }

    private static Charset encoding(String v) {
        Optional<String> known = ENCODINGS.stream().filter(n -> n.equalsIgnoreCase(v)).findFirst();
        if (known.isEmpty()) {
            throw refused(ENCODING, v, "is none of " + ENCODINGS);
        }
        try {
            return charset(known.get());
        } catch (IllegalArgumentException e) {
            throw refused(ENCODING, v, "is not supported by this Java runtime (module jdk.charsets missing?)");
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (UnsupportedCharsetException e) {
            throw new IllegalArgumentException(name + " not supported", e);
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static IllegalArgumentException refused(String key, Object value, String why) {
        return new IllegalArgumentException(key + " = \"" + value + "\" " + why);
    }
}
