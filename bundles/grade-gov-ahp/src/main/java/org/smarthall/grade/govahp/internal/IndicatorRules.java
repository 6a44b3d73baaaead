package org.smarthall.grade.govahp.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.smarthall.api.customer.Codes;

/**
 * How the four indicators are read from a customer's snapshot, checked: a setting that makes no
 * sense is refused with the attribute and its value named. Field meanings are those of
 * {@link GovAhpConfig}; {@link GovernmentIndicators} applies them.
 */
public record IndicatorRules(boolean logScale, int minMeteredMonths, Map<String, Integer> industryLevels,
        int otherIndustryLevel, List<String> capitalRegions, int capitalPoints, List<String> criticalIndustries,
        int criticalFloor, Map<String, Integer> sensitiveFlagPoints, int pointsPerComplaint, int complaintsMaxPoints) {

    /** A GB/T 4754 section letter and up to 4 digits of division, group and class: {@code S}, {@code S92}, {@code D443}. */
    static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-T]\\d{0,4}");
    static final Pattern REGION_PREFIX = Pattern.compile("\\d{1,6}");
    static final int MONTHS = 12;

    /** @throws IllegalArgumentException naming the attribute and its value when a setting makes no sense */
    public IndicatorRules {
        if (minMeteredMonths < 1 || minMeteredMonths > MONTHS) {
            throw GovAhpRules.refused("minMeteredMonths = " + minMeteredMonths + " must be between 1 and " + MONTHS);
        }
        industryLevels = Collections.unmodifiableMap(new LinkedHashMap<>(industryLevels));
        for (Map.Entry<String, Integer> e : industryLevels.entrySet()) {
            industryPrefix("industryLevels", e.getKey());
            points("industryLevels: " + e.getKey(), e.getValue());
        }
        points("otherIndustryLevel", otherIndustryLevel);
        capitalRegions = List.copyOf(capitalRegions);
        for (String region : capitalRegions) {
            if (!REGION_PREFIX.matcher(region).matches()) {
                throw GovAhpRules.refused("capitalRegions: '" + region + "' is not a prefix of a 6-digit region code");
            }
        }
        points("capitalPoints", capitalPoints);
        criticalIndustries = List.copyOf(criticalIndustries);
        for (String code : criticalIndustries) {
            industryPrefix("criticalIndustries", code);
        }
        points("criticalFloor", criticalFloor);
        sensitiveFlagPoints = Collections.unmodifiableMap(new LinkedHashMap<>(sensitiveFlagPoints));
        for (Map.Entry<String, Integer> e : sensitiveFlagPoints.entrySet()) {
            if (!Codes.SENSITIVE.contains(e.getKey())) {
                throw GovAhpRules.refused("sensitiveFlagPoints: '" + e.getKey() + "' is not a flag; flags are "
                        + String.join(", ", Codes.SENSITIVE));
            }
            points("sensitiveFlagPoints: " + e.getKey(), e.getValue());
        }
        points("pointsPerComplaint", pointsPerComplaint);
        points("complaintsMaxPoints", complaintsMaxPoints);
    }

    /** The industry level of a code: that of the longest configured prefix it starts with, else {@link #otherIndustryLevel}. */
    int industryLevel(String industry) {
        String best = longestPrefix(industry, industryLevels.keySet());
        return best == null ? otherIndustryLevel : industryLevels.get(best);
    }

    /** The prefix of {@link #industryLevels} that set the level, or {@code null} when none matched. */
    String industryLevelPrefix(String industry) {
        return longestPrefix(industry, industryLevels.keySet());
    }

    /** The critical-industry prefix the code starts with, or {@code null}. */
    String criticalPrefix(String industry) {
        return longestPrefix(industry, criticalIndustries);
    }

    boolean inCapital(String region) {
        return longestPrefix(region, capitalRegions) != null;
    }

    /** The settings as a run's parameters record them. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("logScale", logScale);
        p.put("minMeteredMonths", minMeteredMonths);
        p.put("industryLevels", industryLevels);
        p.put("otherIndustryLevel", otherIndustryLevel);
        p.put("capitalRegions", capitalRegions);
        p.put("capitalPoints", capitalPoints);
        p.put("criticalIndustries", criticalIndustries);
        p.put("criticalFloor", criticalFloor);
        p.put("sensitiveFlagPoints", sensitiveFlagPoints);
        p.put("pointsPerComplaint", pointsPerComplaint);
        p.put("complaintsMaxPoints", complaintsMaxPoints);
        return Collections.unmodifiableMap(p);
    }

    private static String longestPrefix(String code, Iterable<String> prefixes) {
        String best = null;
        for (String prefix : prefixes) {
            if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best;
    }

    private static void industryPrefix(String attribute, String code) {
        if (!INDUSTRY_PREFIX.matcher(code).matches()) {
            throw GovAhpRules.refused(attribute + ": '" + code
                    + "' is not a GB/T 4754 code or prefix (a letter A to T and up to 4 digits, e.g. S92)");
        }
    }

    private static void points(String name, int value) {
        if (value < 0 || value > 100) {
            throw GovAhpRules.refused(name + " = " + value + " must be between 0 and 100");
        }
    }
}
