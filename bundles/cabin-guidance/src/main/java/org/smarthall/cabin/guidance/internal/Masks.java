package org.smarthall.cabin.guidance.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

import org.smarthall.device.api.Sex;

/** What of a card the portrait may show: the name's first character, an age band, the sex. */
final class Masks {
    private Masks() {
    }

    /** {@code 张*} for 张三, {@code 欧**} for 欧阳明; {@code null} for no name. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        return n.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /**
     * Ten-year bands: {@code under 18}, {@code 18-29}, {@code 30-39} ... {@code 60-69}, {@code 70+}.
     * {@code null} when the birth date is unknown or in the future.
     */
    static String ageBand(LocalDate birth, LocalDate today) {
        if (birth == null || birth.isAfter(today)) {
            return null;
        }
        int age = Period.between(birth, today).getYears();
        if (age < 18) {
            return "under 18";
        }
        if (age < 30) {
            return "18-29";
        }
        if (age >= 70) {
            return "70+";
        }
        int low = age / 10 * 10;
        return low + "-" + (low + 9);
    }

    /** The birth date of the card, else the one inside a well-formed ID number, else {@code null}. */
    static LocalDate birthDate(LocalDate onCard, String idNumber) {
        if (onCard != null) {
            return onCard;
        }
        if (idNumber == null || idNumber.length() != 18) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)), Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14)));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    static String sex(Sex sex) {
        return sex == null ? Sex.UNSPECIFIED.name().toLowerCase(Locale.ROOT) : sex.name().toLowerCase(Locale.ROOT);
    }
}
