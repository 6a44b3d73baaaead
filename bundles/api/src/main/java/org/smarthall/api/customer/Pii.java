package org.smarthall.api.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for personal identifiers every SmartHall bundle applies the same way: the
 * GB 11643 check of a resident identity number, and how identity numbers and phones are masked
 * wherever they are shown (lists, logs, exports).
 */
public final class Pii {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    /** Province-level division codes (first two digits of an identity number). */
    private static final Pattern PROVINCE = Pattern.compile(
            "1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-2]");

    private Pii() {
    }

    /** Upper-case, without blanks: the form that is hashed and checked. */
    public static String normalizeIdNumber(String idNumber) {
        return idNumber == null ? null : idNumber.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Checks an 18-character resident identity number (GB 11643-1999): shape, province code,
     * birth date (a real date, not before 1900, not in the future) and check digit.
     *
     * @return why it is invalid, or empty when it is valid
     */
    public static Optional<String> idNumberProblem(String idNumber, LocalDate today) {
        String id = normalizeIdNumber(idNumber);
        if (id == null || id.isEmpty()) {
            return Optional.of("missing");
        }
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            return Optional.of("15-digit first-generation numbers are not accepted; give the 18-character number");
        }
        if (!ID_SHAPE.matcher(id).matches()) {
            return Optional.of("must be 17 digits and a check character (0-9 or X)");
        }
        if (!PROVINCE.matcher(id.substring(0, 2)).matches()) {
            return Optional.of("unknown province code " + id.substring(0, 2));
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("birth date " + id.substring(6, 14) + " is not a date");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            return Optional.of("birth date " + birth + " is out of range");
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of("check digit is wrong (GB 11643)");
        }
        return Optional.empty();
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** {@code 3701**********123X}: division prefix and last four, the rest starred. */
    public static String maskIdNumber(String idNumber) {
        String id = normalizeIdNumber(idNumber);
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** Digits only; {@code 0531-88881234} becomes {@code 053188881234}. */
    public static String normalizePhone(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s-]", "").replaceFirst("^\\+?86(?=1[3-9]\\d{9}$)", "");
    }

    /** Whether a phone is a mainland mobile or landline number. */
    public static boolean isPhone(String phone) {
        String p = normalizePhone(phone);
        return p != null && (MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches());
    }

    /** {@code 138****5678}: first three and last four digits. */
    public static String maskPhone(String phone) {
        String p = normalizePhone(phone);
        if (p == null || p.length() < 7) {
            return "****";
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }
}
