package org.smarthall.grade.kmeans.internal;

/**
 * The indicators of DOMAIN.md section 2 as they enter the clustering, in column order. How each
 * is computed from a customer's history is described in {@link FeatureExtractor}.
 */
public enum Feature {
    /** Years from the account's opening date to the grading date. */
    ACCOUNT_AGE("accountAgeYears", "account age", "years"),
    /** log10(1 + kWh of the 12 months): consumption spans four orders of magnitude between enterprises. */
    CONSUMPTION_LEVEL("consumptionLevel", "consumption level", "log10(1 + kWh a year)"),
    /** Symmetric change of the latest 6 months over the 6 before: (later - earlier) / (later + earlier), -1 to 1. */
    GROWTH("consumptionGrowth", "consumption growth", "(later - earlier) / (later + earlier) of 6-month means"),
    /** Industry prosperity index, 0 to 1, from the industry table. */
    PROSPERITY("industryProsperity", "industry prosperity", "index 0-1"),
    /** Share of the industry's electricity bought directly from generators, 0 to 1, from the industry table. */
    DIRECT_PURCHASE("industryDirectPurchase", "industry direct-purchase ratio", "share 0-1"),
    /** Credit score 0 to 100, higher is better, from bills and the third-party credit feed. */
    CREDIT("credit", "credit", "score 0-100");

    public static final int COUNT = values().length;

    private final String key;
    private final String label;
    private final String unit;

    Feature(String key, String label, String unit) {
        this.key = key;
        this.label = label;
        this.unit = unit;
    }

    /** Name in parameters and CSV headers. */
    public String key() {
        return key;
    }

    /** Name in reasons. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
