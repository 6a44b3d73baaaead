package org.smarthall.channel.sms.internal;

import java.util.regex.Pattern;

/** Phone numbers are personal data: checked before sending, and only ever shown masked. */
final class PhoneNumbers {
    /** What Kannel and an SMSC take: digits, optionally an international plus. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{5,20}");

    private PhoneNumbers() {
    }

    static boolean valid(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /**
     * {@code 13812345678} as {@code 138****5678}: enough for an operator to tell two numbers apart,
     * not enough to call one. Anything shorter than a mobile number keeps only its last two digits.
     */
    static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "<none>";
        }
        if (number.length() >= 11) {
            return number.substring(0, 3) + "****" + number.substring(number.length() - 4);
        }
        return "*".repeat(Math.max(0, number.length() - 2)) + number.substring(Math.max(0, number.length() - 2));
    }
}
