package org.smarthall.device.display.call.internal;

import java.util.HexFormat;

/** Hex bytes as a province writes them in a configuration: {@code "AA 55"}, {@code "aa55"}, {@code "0D 0A"}, {@code "0x0D,0x0A"}. */
final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong (not naming the key: the caller does)
     */
    static byte[] parse(String text) {
        String digits = text.replaceAll("(?i)(^|[\\s:,-])0x", "$1").replaceAll("[\\s:,-]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("has an odd number of hex digits");
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not hex bytes such as \"AA 55\"");
        }
    }

    static String format(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }
}
