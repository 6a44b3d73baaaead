package org.smarthall.grade.govahp.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Min-max normalisation of one indicator onto 0-100, with the bounds seen in the fitted
 * population: {@code 100 x (t(x) - t(min)) / (t(max) - t(min))}, where {@code t} is
 * {@code log10(1 + x)} on a log scale and {@code x} itself otherwise. A customer graded later
 * outside the bounds is clamped to 0 or 100. When every customer had the same value
 * ({@code min = max}) the indicator tells no one apart: everyone gets 50, the middle, as a mid-rank
 * percentile would give tied values.
 *
 * @param min the smallest raw value of the fitted population
 * @param max the largest
 * @param log whether values are compared on {@code log10(1 + x)}
 */
record Bounds(double min, double max, boolean log) {
    static final double TIED = 50;

    double normalise(double x) {
        double lo = t(min);
        double hi = t(max);
        if (hi == lo) {
            return TIED;
        }
        double n = 100 * (t(x) - lo) / (hi - lo);
        return Math.max(0, Math.min(100, n));
    }

    private double t(double x) {
        return log ? Math.log10(1 + x) : x;
    }

    /** {@code min}, {@code max}, {@code unit}, {@code scale}: how a run's parameters record the bounds. */
    Map<String, Object> parameters(String unit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("min", min);
        p.put("max", max);
        p.put("unit", unit);
        p.put("scale", log ? "log10(1 + x)" : "linear");
        return Collections.unmodifiableMap(p);
    }
}
