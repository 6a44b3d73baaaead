package org.smarthall.grade.kmeans.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.grading.GradingException;
import org.smarthall.api.grading.Population;

/**
 * Fits the model: one scan of the population for the features, z-scores over the enterprises
 * kept, K-means ({@link KMeansClustering}), names ({@link ClusterNames}), silhouette
 * ({@link Silhouette}). Everything needed to reproduce or explain the run goes into the
 * parameters; the quality figures beside them. Customers other than enterprises are skipped and
 * counted.
 */
public final class KMeansFitter {
    static final String MODEL_VERSION = "1.0";

    private final KMeansSettings settings;
    private final FeatureExtractor extractor;

    public KMeansFitter(KMeansSettings settings) {
        this.settings = settings;
        this.extractor = new FeatureExtractor(settings.industries());
    }

    public KMeansSettings settings() {
        return settings;
    }

    public EnterpriseKMeansFit fit(Population population, LocalDate asOf) throws GradingException {
        boolean indicator = settings.missingPolicy() == MissingPolicy.INDICATOR;
        List<double[]> kept = new ArrayList<>();
        long[] counts = new long[3]; // seen, not an enterprise, excluded
        long[] missingBy = new long[Feature.COUNT];
        population.forEach(customer -> {
            counts[0]++;
            if (customer.profile() == null || customer.profile().kind() != CustomerKind.ENTERPRISE) {
                counts[1]++;
                return;
            }
            EnterpriseFeatures f = extractor.extract(customer, asOf);
            for (Feature feature : Feature.values()) {
                if (f.missing(feature)) {
                    missingBy[feature.ordinal()]++;
                }
            }
            if (!f.complete() && !indicator) {
                counts[2]++;
                return;
            }
            kept.add(f.values());
        });
        int n = kept.size();
        int k = settings.k();
        String excludedText = indicator ? "" : "; excluded for a missing feature: " + counts[2] + " (" + byFeature(missingBy)
                + ")";
        if (n < KMeansSettings.MIN_PER_CLUSTER * k) {
            throw new GradingException("enterprise-kmeans: " + n + " enterprises to cluster, at least "
                    + KMeansSettings.MIN_PER_CLUSTER * k + " needed for k = " + k + " (" + counts[0] + " customers, "
                    + (counts[0] - counts[1]) + " enterprises" + excludedText + ")");
        }
        double[][] raw = kept.toArray(new double[0][]);
        Standardiser standardiser;
        try {
            standardiser = Standardiser.fit(raw, Feature.COUNT,
                    Arrays.stream(Feature.values()).map(Feature::label).toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new GradingException("enterprise-kmeans: " + e.getMessage());
        }
        int columns = indicator ? 2 * Feature.COUNT : Feature.COUNT;
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = vector(raw[i], standardiser, indicator);
            raw[i] = null; // only the z-scores are needed from here on
        }
        KMeansClustering.Result result = KMeansClustering.fit(z, k, settings.restarts(), settings.maxIterations(),
                settings.tolerance(), settings.seed());
        String[] names = ClusterNames.of(result.centroids());
        Silhouette.Score silhouette = Silhouette.of(z, result.labels(), k, Silhouette.EXACT_LIMIT, settings.seed());

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", EnterpriseKMeansModel.ID);
        parameters.put("modelVersion", MODEL_VERSION);
        parameters.put("asOf", asOf.toString());
        parameters.put("algorithm", "K-means, Smile 3.1.1: k-means++ seeding, filtering algorithm on a BBD tree;"
                + " restart r seeded with seed + r; lowest within-cluster SS kept");
        parameters.put("k", k);
        parameters.put("seed", settings.seed());
        parameters.put("restarts", settings.restarts());
        parameters.put("maxIterations", settings.maxIterations());
        parameters.put("tolerance", settings.tolerance());
        parameters.put("iterations", result.iterations());
        parameters.put("bestRestart", result.bestRestart());
        parameters.put("restartWithinClusterSS", toList(result.restartDistortions()));
        parameters.put("missingPolicy", settings.missingPolicy().value());
        parameters.put("missingPolicyRule", settings.missingPolicy().description());
        List<Map<String, Object>> features = new ArrayList<>();
        for (Feature f : Feature.values()) {
            features.add(Map.of("name", f.key(), "unit", f.unit(), "mean", standardiser.means()[f.ordinal()], "sd",
                    standardiser.sds()[f.ordinal()]));
        }
        parameters.put("features", features);
        parameters.put("standardisation", Map.of("means", byName(standardiser.means()), "sds", byName(standardiser.sds()),
                "note", "z = (x - mean) / sd over the enterprises clustered, sd with divisor n, present values only"));
        parameters.put("columns", columnNames(indicator));
        parameters.put("industryTable", settings.industries().asParameters());
        parameters.put("namingRule", ClusterNames.RULE);
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            clusters.add(cluster(c, names[c], result, standardiser, indicator));
        }
        parameters.put("clusters", clusters);
        Map<String, Object> populationFigures = new LinkedHashMap<>();
        populationFigures.put("customers", counts[0]);
        populationFigures.put("enterprises", counts[0] - counts[1]);
        populationFigures.put("clustered", n);
        populationFigures.put("excluded", counts[2]);
        populationFigures.put("missingByFeature", byFeatureMap(missingBy));
        parameters.put("population", populationFigures);
        parameters.put("silhouette", silhouette.exact() ? "exact, all " + silhouette.points() + " enterprises"
                : "estimated on a random sample of " + silhouette.points() + " of " + n + " enterprises (seed "
                        + settings.seed() + ")");

        Map<String, Double> quality = new LinkedHashMap<>();
        quality.put("silhouette", silhouette.value());
        quality.put("silhouetteExact", silhouette.exact() ? 1.0 : 0.0);
        quality.put("silhouettePoints", (double) silhouette.points());
        quality.put("withinClusterSS", result.withinClusterSS());
        quality.put("withinClusterSSPerEnterprise", result.withinClusterSS() / n);
        quality.put("iterations", (double) result.iterations());
        quality.put("clustered", (double) n);
        quality.put("excluded", (double) counts[2]);

        double[][] centroids = result.centroids();
        return new EnterpriseKMeansFit(settings, asOf, extractor, standardiser, centroids, names,
                java.util.Collections.unmodifiableMap(parameters), java.util.Collections.unmodifiableMap(quality));
    }

    /** The clustering row of a feature row: z-scores, then with the indicator policy the missing flags. */
    static double[] vector(double[] values, Standardiser standardiser, boolean indicator) {
        double[] v = new double[indicator ? 2 * Feature.COUNT : Feature.COUNT];
        for (int j = 0; j < Feature.COUNT; j++) {
            if (Double.isNaN(values[j])) {
                // only reached with the indicator policy: 0 in z units, and the flag says so
                v[j] = 0;
                v[Feature.COUNT + j] = 1;
            } else {
                v[j] = standardiser.z(j, values[j]);
            }
        }
        return v;
    }

    private static Map<String, Object> cluster(int c, String name, KMeansClustering.Result result,
            Standardiser standardiser, boolean indicator) {
        double[] centroid = result.centroids()[c];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("index", c);
        out.put("size", result.sizes()[c]);
        out.put("growthScore", ClusterNames.growthScore(centroid));
        out.put("riskScore", ClusterNames.riskScore(centroid));
        Map<String, Object> zs = new LinkedHashMap<>();
        Map<String, Object> original = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            zs.put(f.key(), centroid[f.ordinal()]);
            original.put(f.key(), standardiser.original(f.ordinal(), centroid[f.ordinal()]));
        }
        out.put("centroidZ", zs);
        out.put("centroid", original);
        // the level and growth features back in the units people read
        Map<String, Object> readable = new LinkedHashMap<>();
        readable.put("annualKwh", Math.pow(10, (Double) original.get(Feature.CONSUMPTION_LEVEL.key())) - 1);
        double s = (Double) original.get(Feature.GROWTH.key());
        if (s < 1) {
            readable.put("growthRate", 2 * s / (1 - s));
        }
        out.put("centroidReadable", readable);
        if (indicator) {
            Map<String, Object> shares = new LinkedHashMap<>();
            for (Feature f : Feature.values()) {
                shares.put(f.key(), centroid[Feature.COUNT + f.ordinal()]);
            }
            out.put("missingShare", shares);
        }
        return out;
    }

    private static List<String> columnNames(boolean indicator) {
        List<String> names = new ArrayList<>();
        for (Feature f : Feature.values()) {
            names.add(f.key() + " (z)");
        }
        if (indicator) {
            for (Feature f : Feature.values()) {
                names.add(f.key() + " missing (0/1)");
            }
        }
        return names;
    }

    private static Map<String, Object> byName(double[] values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            out.put(f.key(), values[f.ordinal()]);
        }
        return out;
    }

    private static Map<String, Object> byFeatureMap(long[] counts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            out.put(f.key(), counts[f.ordinal()]);
        }
        return out;
    }

    private static String byFeature(long[] counts) {
        StringBuilder s = new StringBuilder();
        for (Feature f : Feature.values()) {
            if (counts[f.ordinal()] > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(f.label()).append(' ').append(counts[f.ordinal()]);
            }
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    private static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
