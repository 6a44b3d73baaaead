package org.smarthall.tag.credit.internal;

import java.util.Locale;

/** The credit grades Chinese utilities use, best first. */
enum CreditGrade {
    AAA, AA, A, B, C;

    /** The tag value: the grade's own name. */
    String code() {
        return name();
    }

    boolean isBetterThan(CreditGrade other) {
        return ordinal() < other.ordinal();
    }

    /**
     * @throws IllegalArgumentException naming {@code attribute} when {@code value} is not a grade
     */
    static CreditGrade parse(String attribute, String value) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (CreditGrade grade : values()) {
            if (grade.name().equals(code)) {
                return grade;
            }
        }
        throw new IllegalArgumentException(attribute + " must be one of AAA, AA, A, B, C, not '" + value + "'");
    }
}
