package org.smarthall.tag.consumption.internal;

import java.time.YearMonth;
import java.util.Arrays;

/**
 * A customer group's usual consumption in each calendar month relative to the others: dividing a
 * month's use by it compares months of different seasons like with like. Only ratios of the
 * index matter, so it needs no normalising.
 */
final class SeasonalIndex {
    static final int MONTHS = 12;
    /** No adjustment: for customers whose group is unknown. */
    static final SeasonalIndex FLAT = new SeasonalIndex(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});

    private final double[] byMonth;

    private SeasonalIndex(double[] byMonth) {
        this.byMonth = byMonth;
    }

    /**
     * @param attribute the configuration attribute, for the message of a bad value
     * @param text      twelve positive numbers, January first, separated by commas
     */
    static SeasonalIndex parse(String attribute, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(attribute + " must list 12 positive numbers, January first; it is empty");
        }
        String[] parts = text.split(",");
        if (parts.length != MONTHS) {
            throw new IllegalArgumentException(attribute + " must list 12 positive numbers, January first, not "
                    + parts.length + ": " + text);
        }
        double[] byMonth = new double[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            try {
                byMonth[m] = Double.parseDouble(parts[m].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(attribute + ": month " + (m + 1) + " is not a number: '"
                        + parts[m].trim() + "'");
            }
            if (!(byMonth[m] > 0) || Double.isInfinite(byMonth[m])) {
                throw new IllegalArgumentException(attribute + ": month " + (m + 1) + " must be positive, not "
                        + byMonth[m]);
            }
        }
        return new SeasonalIndex(byMonth);
    }

    double of(YearMonth month) {
        return byMonth[month.getMonthValue() - 1];
    }

    @Override
    public String toString() {
        return Arrays.toString(byMonth);
    }
}
