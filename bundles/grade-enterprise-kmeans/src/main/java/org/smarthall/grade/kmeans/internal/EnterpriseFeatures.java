package org.smarthall.grade.kmeans.internal;

import java.util.Optional;

/**
 * The six features of one enterprise in {@link Feature} order, each either a value or missing
 * with the reason why. Missing is never filled in here: that is the {@link MissingPolicy}'s job,
 * and it is recorded.
 *
 * @param values     feature values, {@link Double#NaN} where missing
 * @param missingWhy why each missing feature is missing; {@code null} where present
 * @param growthRate the plain growth rate behind {@link Feature#GROWTH} (later / earlier - 1) for
 *                   reasons; {@code null} when missing or when the earlier months had no consumption
 */
public record EnterpriseFeatures(double[] values, String[] missingWhy, Double growthRate) {

    public EnterpriseFeatures {
        if (values.length != Feature.COUNT || missingWhy.length != Feature.COUNT) {
            throw new IllegalArgumentException("one value and one reason per feature");
        }
    }

    public double value(Feature feature) {
        return values[feature.ordinal()];
    }

    public boolean missing(Feature feature) {
        return Double.isNaN(values[feature.ordinal()]);
    }

    /** The first missing feature, in column order. */
    public Optional<Feature> firstMissing() {
        for (Feature f : Feature.values()) {
            if (missing(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public boolean complete() {
        return firstMissing().isEmpty();
    }

    /** Why a feature is missing, {@code null} when it is present. */
    public String why(Feature feature) {
        return missingWhy[feature.ordinal()];
    }
}
