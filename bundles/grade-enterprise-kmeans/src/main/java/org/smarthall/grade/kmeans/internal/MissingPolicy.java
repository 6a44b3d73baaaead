package org.smarthall.grade.kmeans.internal;

import java.util.Locale;

/**
 * What the model does with an enterprise one of whose features is missing. DOMAIN.md section 2:
 * missing values must never be silently replaced by a mean or median, so either way the choice is
 * recorded in the fitted model's parameters.
 */
public enum MissingPolicy {
    /**
     * The enterprise is not clustered, and is graded {@code unknown} with a reason naming the
     * missing feature. The parameters count the excluded per feature.
     */
    EXCLUDE("exclude", "an enterprise with a missing feature is not clustered and is graded unknown, the reason naming"
            + " the feature"),
    /**
     * The missing feature is set to 0 in standardised units (the mean of the enterprises that have
     * it) and a 0/1 column "feature missing" is appended for each of the six features, so the
     * clustering sees that the value was missing and enterprises with the same gap can group. The
     * flag columns are not standardised; the means and standard deviations are those of the
     * present values only.
     */
    INDICATOR("indicator", "a missing feature is set to 0 in standardised units and a 0/1 missing-flag column is"
            + " appended for every feature (flags not standardised; means and sds from present values only)");

    private final String value;
    private final String description;

    MissingPolicy(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** As written in the configuration. */
    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** @throws IllegalArgumentException for anything but {@code exclude} or {@code indicator} */
    static MissingPolicy of(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (MissingPolicy policy : values()) {
            if (policy.value.equals(v)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("missingPolicy = " + value + " must be exclude or indicator");
    }
}
