package org.smarthall.tag.consumption.internal;

import java.time.LocalDate;
import java.util.List;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;

/**
 * The rules of the consumption theme on one customer: immutable, so any number of threads may
 * share one. See {@link ConsumptionTheme} for the dimensions, values and score scales.
 */
final class ConsumptionTagger {
    static final String CATEGORY = "category";
    static final String VALUE = "value";
    static final String PATTERN = "pattern";
    static final String TREND = "trend";
    static final String VIOLATION = "violation";
    static final String ADVICE = "advice";

    static final String RESIDENT_SMALL = "resident-small";
    static final String RESIDENT_MEDIUM = "resident-medium";
    static final String RESIDENT_LARGE = "resident-large";
    static final String ENTERPRISE_SMALL = "enterprise-small";
    static final String ENTERPRISE_MEDIUM = "enterprise-medium";
    static final String ENTERPRISE_LARGE = "enterprise-large";
    static final String GOVERNMENT = "government";
    static final String LOW = "low";
    static final String MEDIUM = "medium";
    static final String HIGH = "high";
    static final String PEAK_HEAVY = "peak-heavy";
    static final String VALLEY_HEAVY = "valley-heavy";
    static final String BALANCED = "balanced";
    static final String RISING = "rising";
    static final String FALLING = "falling";
    static final String STABLE = "stable";
    static final String SUSPECTED = "suspected";
    static final String NONE = "none";
    static final String PEAK_VALLEY = "peak-valley";
    static final String ENERGY_SAVING = "energy-saving";
    static final String COMPLIANT_USE = "compliant-use";
    static final String ENERGY_GUIDANCE = "energy-guidance";

    /** Earlier months a comparison needs at least: a median of fewer is one or two readings, not a habit. */
    static final int BASELINE_MONTHS = 3;
    /** Cap of the trend score: a rise from (almost) nothing is "very large", not infinite. */
    private static final double MAX_CHANGE = 10;

    private static final String[] RESIDENT_SIZES = {RESIDENT_SMALL, RESIDENT_MEDIUM, RESIDENT_LARGE};
    private static final String[] ENTERPRISE_SIZES = {ENTERPRISE_SMALL, ENTERPRISE_MEDIUM, ENTERPRISE_LARGE};
    private static final String[] VALUES = {LOW, MEDIUM, HIGH};

    private static final String SUSPECTED_ADVICE = "Please use electricity only through your own meter and keep its "
            + "seals intact; if your use has changed, for example because the premises are empty, kindly let us know "
            + "so that we can update your account.";
    private static final String NON_RESIDENT_ADVICE = "Please use electricity within your contracted capacity and "
            + "registered use, and tell your account manager before adding load or changing the use of the premises; "
            + "this keeps your supply safe and avoids penalty charges.";
    private static final String GUIDANCE_ADVICE = "Thank you for using electricity with us; you can follow your "
            + "monthly use and find energy tips in our app or WeChat account, and our hall staff are glad to help "
            + "with any question.";

    private final ConsumptionRules rules;

    ConsumptionTagger(ConsumptionRules rules) {
        this.rules = rules;
    }

    /** The six tags in a fixed order: category, value, pattern, trend, violation, advice. */
    List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
        ConsumptionYear year = new ConsumptionYear(customer.consumption(), asOf);
        CustomerProfile profile = customer.profile();
        CustomerKind kind = profile == null ? null : profile.kind();
        Finding category = category(profile, kind, year);
        TagValue value = value(kind, year);
        Finding trend = trend(kind, year);
        Finding pattern = pattern(year, trend);
        TagValue violation = violation(profile, year);
        TagValue advice = advice(kind, category, pattern, trend, violation);
        return List.of(category.tag(), value, pattern.tag(), trend.tag(), violation, advice);
    }

    /** A tag and the figure behind it, which the advice quotes. */
    private record Finding(TagValue tag, double figure) {
        static Finding unknown(String dimension, CharSequence reason) {
            return new Finding(TagValue.unknown(dimension, reason.toString()), Double.NaN);
        }

        String value() {
            return tag.value();
        }
    }

    // ---- category ----------------------------------------------------------------------------

    private Finding category(CustomerProfile profile, CustomerKind kind, ConsumptionYear year) {
        if (kind == null) {
            return Finding.unknown(CATEGORY, "Customer kind missing from the profile");
        }
        StringBuilder why = new StringBuilder(160);
        switch (kind) {
            case GOVERNMENT -> {
                why.append("Government body");
                industry(why, profile);
                why.append(": one category, not sized");
                return new Finding(new TagValue(CATEGORY, GOVERNMENT, 0, why.toString()), Double.NaN);
            }
            case ENTERPRISE -> {
                why.append("Enterprise");
                industry(why, profile);
                Double kva = profile.contractCapacityKva();
                if (kva != null) {
                    Band band = rules.enterpriseKva();
                    why.append(" with ");
                    Figures.number(why, kva).append(" kVA contracted; small below ");
                    Figures.number(why, band.low()).append(", large from ");
                    Figures.number(why, band.high()).append(" kVA");
                    return sized(ENTERPRISE_SIZES[band.of(kva)], kva / band.high(), why, Double.NaN);
                }
                why.append(" with no contracted capacity on record");
                return byAnnualKwh(ENTERPRISE_SIZES, rules.enterpriseKwh(), why, year);
            }
            default -> {
                why.append(kind == CustomerKind.PREPAID_RESIDENT ? "Resident on a prepaid meter" : "Resident");
                return byAnnualKwh(RESIDENT_SIZES, rules.residentKwh(), why, year);
            }
        }
    }

    private Finding byAnnualKwh(String[] sizes, Band band, StringBuilder why, ConsumptionYear year) {
        if (year.metered() < rules.minMeteredMonths()) {
            why.append(": ");
            tooFew(why, year.metered(), " metered", year).append(" to size the annual use");
            return Finding.unknown(CATEGORY, why);
        }
        double annual = year.meteredKwh() * ConsumptionYear.MONTHS / year.metered();
        why.append(": ");
        annualFigure(why, annual, " kWh", year.metered(), " metered", year);
        why.append("; small below ");
        Figures.number(why, band.low()).append(", large from ");
        Figures.number(why, band.high()).append(" kWh a year");
        return sized(sizes[band.of(annual)], annual / band.high(), why, annual);
    }

    private static Finding sized(String value, double score, StringBuilder why, double annualKwh) {
        return new Finding(new TagValue(CATEGORY, value, score, why.toString()), annualKwh);
    }

    private static void industry(StringBuilder why, CustomerProfile profile) {
        if (profile.industry() != null && !profile.industry().isBlank()) {
            why.append(" (industry ").append(profile.industry()).append(')');
        }
    }

    // ---- value -------------------------------------------------------------------------------

    private TagValue value(CustomerKind kind, ConsumptionYear year) {
        Band band = rules.yuan(kind);
        if (band == null) {
            return TagValue.unknown(VALUE, "Customer kind missing from the profile: no value thresholds apply");
        }
        StringBuilder why = new StringBuilder(160);
        if (year.metered() < rules.minMeteredMonths()) {
            tooFew(why, year.metered(), " metered", year);
            return TagValue.unknown(VALUE, capitalised(why));
        }
        if (year.billed() < rules.minMeteredMonths()) {
            tooFew(why, year.billed(), " with a billed amount", year);
            return TagValue.unknown(VALUE, capitalised(why));
        }
        double annual = year.billedYuan() * ConsumptionYear.MONTHS / year.billed();
        annualFigure(why, annual, " yuan", year.billed(), " billed", year);
        why.append("; for ").append(kind == CustomerKind.ENTERPRISE ? "enterprises"
                : kind == CustomerKind.GOVERNMENT ? "government bodies" : "residents").append(" low below ");
        Figures.number(why, band.low()).append(", high from ");
        Figures.number(why, band.high()).append(" yuan a year");
        return new TagValue(VALUE, VALUES[band.of(annual)], annual / band.high(), capitalised(why));
    }

    // ---- trend -------------------------------------------------------------------------------

    private Finding trend(CustomerKind kind, ConsumptionYear year) {
        StringBuilder why = new StringBuilder(200);
        if (year.metered() < rules.minMeteredMonths()) {
            tooFew(why, year.metered(), " metered", year);
            return Finding.unknown(TREND, capitalised(why));
        }
        int n = rules.trendMonths();
        int firstRecent = ConsumptionYear.MONTHS - n;
        int gap = year.firstGap(firstRecent);
        if (gap >= 0) {
            why.append(year.month(gap)).append(" not metered; the trend needs the last ");
            months(why, n);
            return Finding.unknown(TREND, why);
        }
        SeasonalIndex season = rules.season(kind);
        double[] adjusted = new double[firstRecent];
        double[] raw = new double[firstRecent];
        int earlier = 0;
        for (int i = 0; i < firstRecent; i++) {
            if (year.metered(i)) {
                adjusted[earlier] = year.total(i) / season.of(year.month(i));
                raw[earlier] = year.total(i);
                earlier++;
            }
        }
        if (earlier < BASELINE_MONTHS) {
            why.append("Only ").append(earlier).append(" metered months before the last ");
            months(why, n).append(", at least ").append(BASELINE_MONTHS).append(" needed");
            return Finding.unknown(TREND, why);
        }
        double recentAdjusted = 0;
        double recentRaw = 0;
        for (int i = firstRecent; i < ConsumptionYear.MONTHS; i++) {
            recentAdjusted += year.total(i) / season.of(year.month(i));
            recentRaw += year.total(i);
        }
        double medianAdjusted = ConsumptionYear.median(adjusted, earlier);
        double medianRaw = ConsumptionYear.median(raw, earlier);
        // compared as sums: exact at the thresholds for whole readings
        double t = rules.trendPercent();
        String value;
        double change;
        if (medianAdjusted > 0) {
            change = recentAdjusted / n / medianAdjusted - 1;
            value = recentAdjusted * 100 >= medianAdjusted * n * (100 + t) ? RISING
                    : recentAdjusted * 100 <= medianAdjusted * n * (100 - t) ? FALLING : STABLE;
        } else {
            change = recentAdjusted > 0 ? MAX_CHANGE : 0;
            value = recentAdjusted > 0 ? RISING : STABLE;
        }
        why.append("Last ");
        months(why, n).append(" (");
        span(why, year, firstRecent).append(") ");
        if (medianAdjusted > 0) {
            Figures.change(why, change).append(" on the median of the ").append(earlier).append(" earlier months, ");
            why.append(season == SeasonalIndex.FLAT ? "not seasonally adjusted (kind unknown)" : "seasonally adjusted");
        } else {
            why.append("used energy after none in the ").append(earlier).append(" earlier months");
        }
        why.append("; raw ");
        Figures.number(why, recentRaw / n).append(" vs ");
        Figures.number(why, medianRaw).append(" kWh a month; rising from +");
        Figures.number(why, t).append("%, falling from -");
        Figures.number(why, t).append('%');
        return new Finding(new TagValue(TREND, value, Math.max(-1, Math.min(MAX_CHANGE, change)), why.toString()),
                change);
    }

    // ---- pattern -----------------------------------------------------------------------------

    private Finding pattern(ConsumptionYear year, Finding trend) {
        StringBuilder why = new StringBuilder(200);
        if (year.complete() < rules.minMeteredMonths()) {
            tooFew(why, year.complete(), " with peak, flat and valley all read", year);
            return Finding.unknown(PATTERN, capitalised(why));
        }
        double peak = 0;
        double valley = 0;
        double total = 0;
        for (int i = 0; i < ConsumptionYear.MONTHS; i++) {
            if (year.complete(i)) {
                peak += year.peak(i);
                valley += year.valley(i);
                total += year.total(i);
            }
        }
        if (!(total > 0)) {
            why.append("No consumption in the ").append(year.complete())
                    .append(" months with all periods read: no shares to compare");
            return Finding.unknown(PATTERN, why);
        }
        String value = peak * 100 >= rules.peakHeavyPercent() * total ? PEAK_HEAVY
                : valley * 100 >= rules.valleyHeavyPercent() * total ? VALLEY_HEAVY : BALANCED;
        double peakShare = peak / total;
        double valleyShare = valley / total;
        why.append("Peak ");
        Figures.percent(why, peakShare).append(", flat ");
        Figures.percent(why, 1 - peakShare - valleyShare).append(", valley ");
        Figures.percent(why, valleyShare).append(" of ");
        Figures.number(why, total).append(" kWh in ").append(year.complete())
                .append(" months with all periods read (peak-heavy from ");
        Figures.number(why, rules.peakHeavyPercent()).append("%, valley-heavy from ");
        Figures.number(why, rules.valleyHeavyPercent()).append("%); trend ").append(trend.value());
        if (!trend.tag().isUnknown()) {
            why.append(" (");
            Figures.change(why, trend.figure()).append(')');
        }
        return new Finding(new TagValue(PATTERN, value, peakShare - valleyShare, why.toString()), peakShare);
    }

    // ---- violation ---------------------------------------------------------------------------

    private TagValue violation(CustomerProfile profile, ConsumptionYear year) {
        StringBuilder why = new StringBuilder(200);
        if (year.metered() < rules.minMeteredMonths()) {
            tooFew(why, year.metered(), " metered", year);
            return TagValue.unknown(VIOLATION, capitalised(why));
        }
        LocalDate opened = profile == null ? null : profile.opened();
        if (opened != null && opened.isAfter(year.first().atDay(1))) {
            why.append("Account opened on ").append(opened).append(", within the 12 months to ").append(year.last())
                    .append(": too new to judge");
            return TagValue.unknown(VIOLATION, why.toString());
        }
        int n = rules.violationMonths();
        int firstRecent = ConsumptionYear.MONTHS - n;
        boolean recentMetered = year.firstGap(firstRecent) < 0;
        double[] earlierKwh = new double[firstRecent];
        int earlier = 0;
        for (int i = 0; i < firstRecent; i++) {
            if (year.metered(i)) {
                earlierKwh[earlier++] = year.total(i);
            }
        }
        double median = earlier >= BASELINE_MONTHS ? ConsumptionYear.median(earlierKwh, earlier) : Double.NaN;
        double highestRecent = 0;
        for (int i = firstRecent; i < ConsumptionYear.MONTHS && recentMetered; i++) {
            highestRecent = Math.max(highestRecent, year.total(i));
        }
        boolean baseline = median > 0;
        if (recentMetered && baseline && highestRecent * 100 < rules.violationPercent() * median) {
            recentFigures(why, year, firstRecent).append(": each below ");
            Figures.number(why, rules.violationPercent()).append("% of the median of the ").append(earlier)
                    .append(" earlier months (");
            Figures.number(why, median).append(" kWh)");
            return new TagValue(VIOLATION, SUSPECTED, 1 - highestRecent / median, why.toString());
        }
        TagValue nearZero = nearZero(profile, year);
        if (nearZero != null) {
            return nearZero;
        }
        if (!recentMetered) {
            int gap = year.firstGap(firstRecent);
            why.append(year.month(gap)).append(" not metered; a drop is judged on the last ");
            months(why, n);
            return TagValue.unknown(VIOLATION, why.toString());
        }
        if (earlier < BASELINE_MONTHS) {
            why.append("Only ").append(earlier).append(" metered months before the last ");
            months(why, n).append(", at least ").append(BASELINE_MONTHS).append(" needed");
            return TagValue.unknown(VIOLATION, why.toString());
        }
        if (!baseline) {
            why.append("No consumption in the ").append(earlier)
                    .append(" earlier months to measure a drop against, and no near-zero run on a contracted capacity");
            return new TagValue(VIOLATION, NONE, 0, why.toString());
        }
        recentFigures(why, year, firstRecent).append(": the highest at ");
        Figures.percent(why, highestRecent / median).append(" of the median of the ").append(earlier)
                .append(" earlier months (");
        Figures.number(why, median).append(" kWh); suspected when all are below ");
        Figures.number(why, rules.violationPercent()).append('%');
        return new TagValue(VIOLATION, NONE, 0, why.toString());
    }

    /** Suspected when the last months are all near zero on a contracted capacity; else {@code null}. */
    private TagValue nearZero(CustomerProfile profile, ConsumptionYear year) {
        int k = rules.nearZeroMonths();
        Double kva = profile == null ? null : profile.contractCapacityKva();
        if (k == 0 || kva == null) {
            return null;
        }
        double limit = kva * rules.nearZeroFullLoadHours();
        int from = ConsumptionYear.MONTHS - k;
        double highest = 0;
        for (int i = from; i < ConsumptionYear.MONTHS; i++) {
            if (!year.metered(i) || year.total(i) > limit) {
                return null;
            }
            highest = Math.max(highest, year.total(i));
        }
        StringBuilder why = new StringBuilder(200);
        why.append("Last ");
        months(why, k).append(" (");
        span(why, year, from).append(") at most ");
        Figures.number(why, highest).append(" kWh each on ");
        Figures.number(why, kva).append(" kVA contracted (near zero: up to ");
        Figures.number(why, limit).append(" kWh a month, ");
        Figures.number(why, rules.nearZeroFullLoadHours()).append(" h at full load)");
        return new TagValue(VIOLATION, SUSPECTED, 1, why.toString());
    }

    // ---- advice ------------------------------------------------------------------------------

    private TagValue advice(CustomerKind kind, Finding category, Finding pattern, Finding trend, TagValue violation) {
        if (SUSPECTED.equals(violation.value())) {
            return new TagValue(ADVICE, COMPLIANT_USE, 1, SUSPECTED_ADVICE);
        }
        boolean nonResident = kind == CustomerKind.ENTERPRISE || kind == CustomerKind.GOVERNMENT;
        if (nonResident && rules.nonResidentComplianceAdvice()) {
            return new TagValue(ADVICE, COMPLIANT_USE, 0.5, NON_RESIDENT_ADVICE);
        }
        StringBuilder text = new StringBuilder(240);
        if (PEAK_HEAVY.equals(pattern.value())) {
            text.append("About ");
            Figures.percent(text, pattern.figure()).append(" of your electricity is used in peak hours; moving "
                    + "flexible use such as water heaters, washing machines or vehicle charging to the valley hours "
                    + "on the peak-valley tariff could lower your bill, and our staff will gladly help you sign up.");
            return new TagValue(ADVICE, PEAK_VALLEY, 1, text.toString());
        }
        if (RISING.equals(trend.value())) {
            text.append("Your electricity use has risen by about ");
            Figures.percent(text, Math.min(MAX_CHANGE, trend.figure())).append(" in recent months, beyond the usual "
                    + "seasonal change; efficient appliances and moderate heating and cooling settings can bring it "
                    + "down, and our staff will gladly advise you.");
            return new TagValue(ADVICE, ENERGY_SAVING, 1, text.toString());
        }
        if (RESIDENT_LARGE.equals(category.value()) || ENTERPRISE_LARGE.equals(category.value())) {
            if (Double.isNaN(category.figure())) {
                // sized by contracted capacity: no yearly figure to quote
                text.append("As one of our larger customers you may save noticeably with efficient equipment and "
                        + "load management; your account manager will gladly arrange an energy check.");
            } else {
                text.append("Your use of about ");
                Figures.number(text, category.figure()).append(" kWh a year is on the high side; efficient "
                        + "appliances and moderate heating and cooling settings can lower your bill, and our staff "
                        + "will gladly advise you.");
            }
            return new TagValue(ADVICE, ENERGY_SAVING, 1, text.toString());
        }
        return new TagValue(ADVICE, ENERGY_GUIDANCE, 0, GUIDANCE_ADVICE);
    }

    // ---- reason helpers ----------------------------------------------------------------------

    /** "only 4 of the 12 months to 2026-06 metered, at least 6 needed" */
    private StringBuilder tooFew(StringBuilder why, int have, String what, ConsumptionYear year) {
        return why.append("only ").append(have).append(" of the 12 months to ").append(year.last()).append(what)
                .append(", at least ").append(rules.minMeteredMonths()).append(" needed");
    }

    /** "2,140 kWh in the 12 months to 2026-06" or "2,140 kWh a year, annualised from 10 metered months to 2026-06" */
    private static void annualFigure(StringBuilder why, double annual, String unit, int months, String what,
            ConsumptionYear year) {
        Figures.number(why, annual).append(unit);
        if (months == ConsumptionYear.MONTHS) {
            why.append(" in the 12 months to ").append(year.last());
        } else {
            why.append(" a year, annualised from ").append(months).append(what).append(" months of the 12 to ")
                    .append(year.last());
        }
    }

    /** "2026-04, 2026-05, 2026-06 at 60, 52, 40 kWh" */
    private static StringBuilder recentFigures(StringBuilder why, ConsumptionYear year, int from) {
        for (int i = from; i < ConsumptionYear.MONTHS; i++) {
            why.append(i == from ? "" : ", ").append(year.month(i));
        }
        why.append(" at ");
        for (int i = from; i < ConsumptionYear.MONTHS; i++) {
            Figures.number(why.append(i == from ? "" : ", "), year.total(i));
        }
        return why.append(" kWh");
    }

    private static StringBuilder span(StringBuilder why, ConsumptionYear year, int from) {
        why.append(year.month(from));
        if (from < ConsumptionYear.MONTHS - 1) {
            why.append(" to ").append(year.last());
        }
        return why;
    }

    private static StringBuilder months(StringBuilder why, int n) {
        return n == 1 ? why.append("month") : why.append(n).append(" months");
    }

    private static String capitalised(StringBuilder why) {
        if (why.length() > 0) {
            why.setCharAt(0, Character.toUpperCase(why.charAt(0)));
        }
        return why.toString();
    }
}
