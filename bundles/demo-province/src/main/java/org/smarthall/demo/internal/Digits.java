package org.smarthall.demo.internal;

/** Zero-padded numbers, without the cost of String.format on millions of rows. */
final class Digits {
    private Digits() {
    }

    static String pad(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
