package org.smarthall.tag.consumption.internal;

/** Numbers as the reasons print them: grouped thousands, no locale, no format strings. */
final class Figures {
    private Figures() {
    }

    /** Whole numbers grouped ({@code 12,480}); below 10 with one decimal when not whole ({@code 2.5}). */
    static StringBuilder number(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return out.append(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude < 10 && value != Math.rint(value)) {
            long tenths = Math.round(value * 10);
            if (tenths % 10 != 0) {
                if (tenths < 0) {
                    out.append('-');
                    tenths = -tenths;
                }
                return out.append(tenths / 10).append('.').append(tenths % 10);
            }
        }
        long n = Math.round(value);
        if (n < 0) {
            out.append('-');
            n = -n;
        }
        String digits = Long.toString(n);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out;
    }

    /** A share as a whole percentage: {@code 0.384} gives {@code 38%}. */
    static StringBuilder percent(StringBuilder out, double share) {
        return out.append(Math.round(share * 100)).append('%');
    }

    /** A change with its sign: {@code 0.18} gives {@code +18%}, {@code -0.04} gives {@code -4%}. */
    static StringBuilder change(StringBuilder out, double change) {
        long p = Math.round(change * 100);
        return out.append(p > 0 ? "+" : "").append(p).append('%');
    }
}
