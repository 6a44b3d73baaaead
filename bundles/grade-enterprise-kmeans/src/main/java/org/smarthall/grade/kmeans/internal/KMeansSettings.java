package org.smarthall.grade.kmeans.internal;

/**
 * A validated {@link KMeansConfig}.
 *
 * @throws IllegalArgumentException naming the attribute and its value when a setting makes no sense
 */
public record KMeansSettings(int k, int restarts, int maxIterations, double tolerance, long seed,
        MissingPolicy missingPolicy, IndustryTable industries) {

    public static final int MAX_K = 10;
    /** Fewer complete enterprises than this per cluster make no sound clustering. */
    public static final int MIN_PER_CLUSTER = 10;

    public KMeansSettings {
        if (k < 2 || k > MAX_K) {
            throw refused("k = " + k + " must be between 2 and " + MAX_K);
        }
        if (restarts < 1 || restarts > 1000) {
            throw refused("restarts = " + restarts + " must be between 1 and 1000");
        }
        if (maxIterations < 1 || maxIterations > 10_000) {
            throw refused("maxIterations = " + maxIterations + " must be between 1 and 10000");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw refused("tolerance = " + tolerance + " must be a number, 0 or more");
        }
    }

    public static KMeansSettings of(KMeansConfig c) {
        MissingPolicy policy;
        IndustryTable industries;
        try {
            policy = MissingPolicy.of(c.missingPolicy());
            industries = IndustryTable.parse(c.industryTable());
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        return new KMeansSettings(c.k(), c.restarts(), c.maxIterations(), c.tolerance(), c.seed(), policy, industries);
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("enterprise-kmeans configuration refused: " + why);
    }
}
