package org.smarthall.tag.consumption.internal;

import org.smarthall.api.customer.CustomerKind;

/**
 * The thresholds of the consumption theme, validated: a nonsensical configuration fails here with
 * a message naming the attribute and its value. See {@link ConsumptionConfig} for each one.
 */
record ConsumptionRules(int minMeteredMonths, Band residentKwh, Band enterpriseKva, Band enterpriseKwh,
        Band residentYuan, Band enterpriseYuan, Band governmentYuan, double peakHeavyPercent,
        double valleyHeavyPercent, int trendMonths, double trendPercent, SeasonalIndex residentSeason,
        SeasonalIndex enterpriseSeason, SeasonalIndex governmentSeason, int violationMonths, double violationPercent,
        int nearZeroMonths, double nearZeroFullLoadHours, boolean nonResidentComplianceAdvice) {

    /** The window is 12 months; a comparison keeps at least {@link ConsumptionTagger#BASELINE_MONTHS} before its recent months. */
    private static final int MAX_RECENT_MONTHS = SeasonalIndex.MONTHS - ConsumptionTagger.BASELINE_MONTHS;

    ConsumptionRules {
        range("minMeteredMonths", minMeteredMonths, 1, SeasonalIndex.MONTHS);
        percent("peakHeavyPercent", peakHeavyPercent, true);
        percent("valleyHeavyPercent", valleyHeavyPercent, true);
        range("trendMonths", trendMonths, 1, MAX_RECENT_MONTHS);
        percent("trendPercent", trendPercent, true);
        range("violationMonths", violationMonths, 1, MAX_RECENT_MONTHS);
        percent("violationPercent", violationPercent, false);
        range("nearZeroMonths", nearZeroMonths, 0, SeasonalIndex.MONTHS);
        if (!(nearZeroFullLoadHours >= 0) || Double.isInfinite(nearZeroFullLoadHours)) {
            throw new IllegalArgumentException("nearZeroFullLoadHours must be 0 or more, not " + nearZeroFullLoadHours);
        }
        if (residentKwh == null || enterpriseKva == null || enterpriseKwh == null || residentYuan == null
                || enterpriseYuan == null || governmentYuan == null || residentSeason == null
                || enterpriseSeason == null || governmentSeason == null) {
            throw new IllegalArgumentException("every threshold band and seasonal index is required");
        }
    }

    static ConsumptionRules from(ConsumptionConfig c) {
        return new ConsumptionRules(c.minMeteredMonths(),
                new Band("residentSmallKwh", c.residentSmallKwh(), "residentLargeKwh", c.residentLargeKwh()),
                new Band("enterpriseMediumKva", c.enterpriseMediumKva(), "enterpriseLargeKva", c.enterpriseLargeKva()),
                new Band("enterpriseMediumKwh", c.enterpriseMediumKwh(), "enterpriseLargeKwh", c.enterpriseLargeKwh()),
                new Band("residentValueLowYuan", c.residentValueLowYuan(), "residentValueHighYuan",
                        c.residentValueHighYuan()),
                new Band("enterpriseValueLowYuan", c.enterpriseValueLowYuan(), "enterpriseValueHighYuan",
                        c.enterpriseValueHighYuan()),
                new Band("governmentValueLowYuan", c.governmentValueLowYuan(), "governmentValueHighYuan",
                        c.governmentValueHighYuan()),
                c.peakHeavyPercent(), c.valleyHeavyPercent(), c.trendMonths(), c.trendPercent(),
                SeasonalIndex.parse("residentSeason", c.residentSeason()),
                SeasonalIndex.parse("enterpriseSeason", c.enterpriseSeason()),
                SeasonalIndex.parse("governmentSeason", c.governmentSeason()),
                c.violationMonths(), c.violationPercent(), c.nearZeroMonths(), c.nearZeroFullLoadHours(),
                c.nonResidentComplianceAdvice());
    }

    /** The value band of a kind of customer; {@code null} for an unknown kind. */
    Band yuan(CustomerKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case RESIDENT, PREPAID_RESIDENT -> residentYuan;
            case ENTERPRISE -> enterpriseYuan;
            case GOVERNMENT -> governmentYuan;
        };
    }

    /** The seasonal index of a kind of customer; no adjustment for an unknown kind. */
    SeasonalIndex season(CustomerKind kind) {
        if (kind == null) {
            return SeasonalIndex.FLAT;
        }
        return switch (kind) {
            case RESIDENT, PREPAID_RESIDENT -> residentSeason;
            case ENTERPRISE -> enterpriseSeason;
            case GOVERNMENT -> governmentSeason;
        };
    }

    private static void range(String attribute, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(attribute + " must be " + min + " to " + max + ", not " + value);
        }
    }

    private static void percent(String attribute, double value, boolean hundredAllowed) {
        if (!(value > 0) || value > 100 || (!hundredAllowed && value == 100)) {
            throw new IllegalArgumentException(attribute + " must be more than 0 and " + (hundredAllowed ? "at most" : "below")
                    + " 100, not " + value);
        }
    }
}
