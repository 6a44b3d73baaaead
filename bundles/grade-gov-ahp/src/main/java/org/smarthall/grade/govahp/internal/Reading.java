package org.smarthall.grade.govahp.internal;

/**
 * One indicator of one customer before normalisation.
 *
 * @param value   raw value in the criterion's unit (kWh, kVA, points); {@code NaN} when missing
 * @param floor   least normalised value (0-100) the customer gets whatever the raw value; 0 for none
 * @param detail  what the value is made of, for the reason: {@code 630 kVA}, {@code official 60}
 * @param missing why the indicator is missing, or {@code null}
 */
record Reading(double value, double floor, String detail, String missing) {

    static Reading of(double value, String detail) {
        return new Reading(value, 0, detail, null);
    }

    static Reading missing(String why) {
        return new Reading(Double.NaN, 0, null, why);
    }

    boolean isMissing() {
        return missing != null;
    }

    Reading atLeast(double floor, String why) {
        return new Reading(value, floor, detail + "; " + why, missing);
    }
}
