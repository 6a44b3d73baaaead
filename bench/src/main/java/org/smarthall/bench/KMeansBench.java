package org.smarthall.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.CreditRecord;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Population;
import org.smarthall.grade.kmeans.internal.EnterpriseFeatures;
import org.smarthall.grade.kmeans.internal.EnterpriseKMeansModel;
import org.smarthall.grade.kmeans.internal.Feature;
import org.smarthall.grade.kmeans.internal.FeatureExtractor;
import org.smarthall.grade.kmeans.internal.IndustryTable;
import org.smarthall.grade.kmeans.internal.KMeansClustering;
import org.smarthall.grade.kmeans.internal.KMeansConfig;
import org.smarthall.grade.kmeans.internal.Silhouette;
import org.smarthall.grade.kmeans.internal.Standardiser;
import org.smarthall.testing.Annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The enterprise K-means grading model's clustering (Smile 3.1.1, embedded in the grade bundle)
 * against scikit-learn on the same CSV in the same run. Goals: our time at most 1.5 times
 * scikit-learn's, adjusted Rand index between the two assignments at least 0.95.
 * <ol>
 * <li>Synthetic enterprises (seeded) with 12 months of consumption, bills and credit records,
 * drawn from four latent groups (growth, maintain, risk and steady heavy industry) with noise;
 * their six features by the grade bundle's own {@link FeatureExtractor} with the demo industry
 * table, written to a CSV (shortest exact decimal of each double, so numpy reads the same
 * numbers).</li>
 * <li>Ours: z-scores ({@link Standardiser}) and {@link KMeansClustering} with k, restarts, maximum
 * iterations, tolerance and seed as the model's defaults; timed from the feature rows in memory to
 * the labels, {@code repeats} times in this JVM (the first run is cold: class loading, JIT).</li>
 * <li>scikit-learn (Debian python3-sklearn, {@code -Dpython}, default /usr/bin/python3):
 * {@code StandardScaler} and {@code KMeans(n_clusters=k, n_init=restarts, max_iter, tol,
 * random_state=seed, algorithm='lloyd')} on the CSV, timed from the array in memory to the
 * labels (loading the CSV is not timed), {@code repeats} times.</li>
 * <li>Adjusted Rand index of the two label vectors, computed here and by scikit-learn's
 * {@code adjusted_rand_score}; both within-cluster sums of squares; silhouettes on a 20,000
 * sample (ours: {@link Silhouette}, theirs: {@code silhouette_score(sample_size=20000)}).</li>
 * <li>The whole model ({@link EnterpriseKMeansModel#fit}, same seed) over the same enterprises
 * streamed again: features, clustering, naming and silhouette, as a grading run does it; it must
 * find the same clusters as step 2.</li>
 * </ol>
 * The tolerances mean different things (Smile: decrease of the within-cluster sum of squares;
 * scikit-learn: centre shift relative to the data's variance); with 1e-4 both run to, or next
 * to, convergence.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -q -f bench/pom.xml exec:java@kmeans [-Denterprises=100000 -Drepeats=3 -Dseed=4754 -Dpython=/usr/bin/python3]
 * </pre>
 */
public final class KMeansBench {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final YearMonth LAST = YearMonth.from(AS_OF);

    /** A latent group: its share, industries and how its enterprises behave. */
    private enum Group {
        GROWTH(0.25, new String[] {"I65", "C39", "C38", "M73", "C36", "C27"}, 0.25, 0.80, 0, 1, 0, 0.0, 1, 10),
        MAINTAIN(0.45, new String[] {"F51", "F52", "C34", "C13", "G54", "D46", "A01", "C33", "H62", "C15", "H61", "E47",
            "K70"}, -0.10, 0.12, 0, 2, 0, 0.02, 5, 30),
        RISK(0.20, new String[] {"C31", "C30", "C26", "C22", "C29", "C17"}, -0.40, -0.05, 2, 9, 3, 0.30, 5, 30),
        STEADY_HEAVY(0.10, new String[] {"C31", "C26", "C30"}, -0.05, 0.15, 0, 1, 0, 0.02, 10, 30);

        final double share;
        final String[] industries;
        final double growthLow;
        final double growthHigh;
        final int lateLow;
        final int lateHigh;
        final int unpaidMax;
        final double defaultChance;
        final int ageLow;
        final int ageHigh;

        Group(double share, String[] industries, double growthLow, double growthHigh, int lateLow, int lateHigh,
                int unpaidMax, double defaultChance, int ageLow, int ageHigh) {
            this.share = share;
            this.industries = industries;
            this.growthLow = growthLow;
            this.growthHigh = growthHigh;
            this.lateLow = lateLow;
            this.lateHigh = lateHigh;
            this.unpaidMax = unpaidMax;
            this.defaultChance = defaultChance;
            this.ageLow = ageLow;
            this.ageHigh = ageHigh;
        }

        static Group draw(SplittableRandom r) {
            double u = r.nextDouble();
            for (Group g : values()) {
                if (u < g.share) {
                    return g;
                }
                u -= g.share;
            }
            return MAINTAIN;
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("enterprises", 100_000);
        int repeats = Integer.getInteger("repeats", 3);
        long seed = Long.getLong("seed", 4754);
        String python = System.getProperty("python", "/usr/bin/python3");
        KMeansConfig defaults = Annotations.of(KMeansConfig.class);
        int k = defaults.k();
        int restarts = defaults.restarts();
        int maxIterations = defaults.maxIterations();
        double tolerance = defaults.tolerance();
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"), "kmeans");
        Files.createDirectories(work);

        System.out.printf(Locale.ROOT, "SmartHall enterprise K-means benchmark: %,d enterprises, k = %d, %d restarts,"
                + " max %d iterations, tolerance %s, seed %d%n", n, k, restarts, maxIterations, tolerance, seed);
        System.out.printf("machine: %d cores, Java %s, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        // 1. features of synthetic enterprises, to a CSV
        long t0 = System.nanoTime();
        FeatureExtractor extractor = new FeatureExtractor(IndustryTable.parse(IndustryTable.DEMO));
        double[][] rows = new double[n][];
        int[] index = {0};
        population(n, seed).forEach(c -> {
            EnterpriseFeatures f = extractor.extract(c, AS_OF);
            if (!f.complete()) {
                throw new IllegalStateException("the generator made a gap: " + f.firstMissing().orElseThrow());
            }
            rows[index[0]++] = f.values();
        });
        Path csv = work.resolve("enterprises.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            out.write(String.join(",", Arrays.stream(Feature.values()).map(Feature::key).toArray(String[]::new)));
            out.newLine();
            StringBuilder line = new StringBuilder();
            for (double[] row : rows) {
                line.setLength(0);
                for (int j = 0; j < row.length; j++) {
                    line.append(j == 0 ? "" : ",").append(row[j]);
                }
                out.append(line).append('\n');
            }
        }
        System.out.printf(Locale.ROOT, "features of %,d synthetic enterprises in %.1f s, CSV %,d bytes: %s%n", n,
                seconds(t0), Files.size(csv), csv);

        // 2. ours
        double[] ourTimes = new double[repeats];
        KMeansClustering.Result ours = null;
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            Standardiser standardiser = Standardiser.fit(rows, Feature.COUNT,
                    Arrays.stream(Feature.values()).map(Feature::key).toArray(String[]::new));
            double[][] z = new double[n][];
            for (int i = 0; i < n; i++) {
                z[i] = standardiser.apply(rows[i]);
            }
            KMeansClustering.Result result = KMeansClustering.fit(z, k, restarts, maxIterations, tolerance, seed);
            ourTimes[r] = seconds(s);
            if (ours == null) {
                ours = result;
                long sil = System.nanoTime();
                Silhouette.Score score = Silhouette.of(z, result.labels(), k, Silhouette.EXACT_LIMIT, seed);
                System.out.printf(Locale.ROOT, "ours: silhouette %.4f (%s %,d points, %.1f s), within-cluster SS %.1f,"
                        + " %d iterations in the kept restart (%d), sizes %s%n", score.value(),
                        score.exact() ? "exact," : "sample of", score.points(), seconds(sil), result.withinClusterSS(),
                        result.iterations(), result.bestRestart(), Arrays.toString(result.sizes()));
            } else if (!Arrays.equals(ours.labels(), result.labels())) {
                throw new IllegalStateException("run " + r + " gave other labels: not reproducible");
            }
        }
        System.out.printf(Locale.ROOT, "ours: %s s (first run cold)%n", times(ourTimes));
        Path ourLabels = work.resolve("labels-smarthall.txt");
        writeLabels(ourLabels, ours.labels());

        // 3. scikit-learn on the same CSV
        Path script = work.resolve("sklearn_kmeans.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Path theirLabels = work.resolve("labels-sklearn.txt");
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), csv.toString(), ourLabels.toString(),
                theirLabels.toString(), Integer.toString(k), Integer.toString(restarts), Integer.toString(maxIterations),
                Double.toString(tolerance), Long.toString(seed), Integer.toString(repeats),
                Integer.toString(Silhouette.EXACT_LIMIT));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(python + " failed (is python3-sklearn installed?): " + output);
        }
        JsonNode sk = new ObjectMapper().readTree(output);
        double[] theirTimes = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            theirTimes[r] = sk.get("times").get(r).asDouble();
        }
        int[] sklearn = Files.readAllLines(theirLabels).stream().mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "scikit-learn %s (numpy %s, %s): %s s; silhouette %.4f (sample of %,d),"
                + " within-cluster SS %.1f, %d iterations, sizes %s%n", sk.get("sklearn").asText(),
                sk.get("numpy").asText(), sk.get("threads").asText(), times(theirTimes), sk.get("silhouette").asDouble(),
                Silhouette.EXACT_LIMIT, sk.get("inertia").asDouble(), sk.get("iterations").asInt(),
                sk.get("sizes").toString());

        // 4. the figures
        double ari = adjustedRandIndex(ours.labels(), sklearn, k);
        System.out.printf(Locale.ROOT, "time ratio ours/sklearn: %.2f median, %.2f first run (goal <= 1.5)%n",
                median(ourTimes) / median(theirTimes), ourTimes[0] / theirTimes[0]);
        System.out.printf(Locale.ROOT, "adjusted Rand index: %.4f (here), %.4f (sklearn.metrics) (goal >= 0.95)%n", ari,
                sk.get("ari").asDouble());
        System.out.printf(Locale.ROOT, "within-cluster SS ours/sklearn: %.6f%n",
                ours.withinClusterSS() / sk.get("inertia").asDouble());

        // 5. the whole model, as a grading run: features streamed from the snapshots again
        long m0 = System.nanoTime();
        FittedModel fit = new EnterpriseKMeansModel(Annotations.of(KMeansConfig.class, Map.of("seed", seed)))
                .fit(population(n, seed), AS_OF);
        double modelSeconds = seconds(m0);
        System.out.printf(Locale.ROOT, "whole model fit (features, standardise, K-means, names, silhouette): %.2f s;"
                + " %s clusters as above; quality %s%n", modelSeconds,
                fit.quality().get("withinClusterSS") == ours.withinClusterSS() ? "the same" : "OTHER", fit.quality());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) fit.parameters().get("clusters");
        for (Map<String, Object> c : clusters) {
            System.out.printf(Locale.ROOT, "  %-8s %,7d enterprises, centroid %s %s%n", c.get("name"), c.get("size"),
                    rounded(c.get("centroid")), rounded(c.get("centroidReadable")));
        }
    }

    /** Adjusted Rand index (Hubert and Arabie) from the contingency table. */
    static double adjustedRandIndex(int[] a, int[] b, int k) {
        int kb = Arrays.stream(b).max().orElse(0) + 1;
        long[][] table = new long[k][kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
        }
        double index = 0;
        double[] rows = new double[k];
        double[] cols = new double[kb];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < kb; j++) {
                index += pairs(table[i][j]);
                rows[i] += table[i][j];
                cols[j] += table[i][j];
            }
        }
        double sumRows = Arrays.stream(rows).map(KMeansBench::pairs).sum();
        double sumCols = Arrays.stream(cols).map(KMeansBench::pairs).sum();
        double expected = sumRows * sumCols / pairs(a.length);
        double max = (sumRows + sumCols) / 2;
        return (index - expected) / (max - expected);
    }

    private static double pairs(double n) {
        return n * (n - 1) / 2;
    }

    /**
     * {@code n} synthetic enterprises, the same ones in the same order on every scan: each scan
     * draws them again from the seed, so nothing is held in memory.
     */
    private static Population population(int n, long seed) {
        return new Population() {
            @Override
            public long size() {
                return n;
            }

            @Override
            public void forEach(Consumer<CustomerSnapshot> action) {
                SplittableRandom r = new SplittableRandom(seed);
                for (int i = 0; i < n; i++) {
                    action.accept(enterprise(r, i));
                }
            }
        };
    }

    private static CustomerSnapshot enterprise(SplittableRandom r, int number) {
        Group g = Group.draw(r);
        String industry = g.industries[r.nextInt(g.industries.length)];
        LocalDate opened = AS_OF.minusDays(Math.round(365.25 * (g.ageLow + r.nextDouble() * (g.ageHigh - g.ageLow))));
        double monthly = Math.pow(10, 5 + 2.5 * r.nextDouble()) / 12;
        double growth = g.growthLow + r.nextDouble() * (g.growthHigh - g.growthLow);
        List<MonthlyConsumption> consumption = new ArrayList<>(12);
        List<Bill> bills = new ArrayList<>(12);
        int late = g.lateLow + r.nextInt(g.lateHigh - g.lateLow + 1);
        int unpaid = g.unpaidMax == 0 ? 0 : r.nextInt(g.unpaidMax + 1);
        for (int age = 11; age >= 0; age--) {
            YearMonth month = LAST.minusMonths(age);
            double trend = age >= 6 ? 1 : 1 + growth;
            double kwh = Math.max(0, monthly * trend * (1 + 0.08 * r.nextGaussian()));
            double peak = Math.round(kwh * 0.3);
            double flat = Math.round(kwh * 0.45);
            double valley = Math.round(kwh) - peak - flat;
            BigDecimal amount = BigDecimal.valueOf(Math.round(kwh * 0.65), 0);
            consumption.add(new MonthlyConsumption(month, peak, flat, valley, amount));
            LocalDate due = month.plusMonths(1).atDay(15);
            if (age >= 1 && unpaid > 0 && age <= unpaid) {
                bills.add(new Bill(month, amount, due, null, amount)); // the latest due bills are the unpaid ones
            } else if (age >= 2 && late > 0 && r.nextInt(10) < late) {
                bills.add(new Bill(month, amount, due, due.plusDays(6 + r.nextInt(40)), BigDecimal.ZERO));
            } else {
                bills.add(new Bill(month, amount, due, due.minusDays(r.nextInt(10)), BigDecimal.ZERO));
            }
        }
        List<CreditRecord> credit = new ArrayList<>();
        if (r.nextDouble() < g.defaultChance) {
            credit.add(new CreditRecord("bank", "loan", AS_OF.minusDays(30 + r.nextInt(600)), "default",
                    new BigDecimal("1000000"), 120));
        }
        if (r.nextDouble() < 0.1) {
            credit.add(new CreditRecord("bank", "loan", AS_OF.minusDays(30 + r.nextInt(600)), "normal",
                    new BigDecimal("500000"), null));
        }
        CustomerProfile profile = new CustomerProfile(String.format("34%08d", number), CustomerKind.ENTERPRISE,
                "企业" + number, null, null, null, "340102", null, industry, null, opened, null, null);
        return new CustomerSnapshot(profile, consumption, bills, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), credit);
    }

    private static void writeLabels(Path path, int[] labels) throws IOException {
        StringBuilder s = new StringBuilder(labels.length * 2);
        for (int label : labels) {
            s.append(label).append('\n');
        }
        Files.writeString(path, s, StandardCharsets.US_ASCII);
    }

    private static String rounded(Object map) {
        StringBuilder s = new StringBuilder("{");
        ((Map<?, ?>) map).forEach((key, value) -> s.append(s.length() == 1 ? "" : ", ").append(key).append('=')
                .append(String.format(Locale.ROOT, "%.3g", (Double) value)));
        return s.append('}').toString();
    }

    private static String times(double[] t) {
        StringBuilder s = new StringBuilder();
        for (double v : t) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return s.append(String.format(Locale.ROOT, " (median %.3f)", median(t))).toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static final String SCRIPT = """
            import json, sys, time
            import numpy as np
            import sklearn
            from sklearn.cluster import KMeans
            from sklearn.metrics import adjusted_rand_score, silhouette_score
            from sklearn.preprocessing import StandardScaler
            from threadpoolctl import threadpool_info

            csv, ours_path, labels_path = sys.argv[1:4]
            k, n_init, max_iter = (int(a) for a in sys.argv[4:7])
            tol = float(sys.argv[7])
            seed, repeats, sample = (int(a) for a in sys.argv[8:11])
            X = np.loadtxt(csv, delimiter=",", skiprows=1)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                Z = StandardScaler().fit_transform(X)
                km = KMeans(n_clusters=k, n_init=n_init, max_iter=max_iter, tol=tol, random_state=seed,
                            algorithm="lloyd").fit(Z)
                times.append(time.perf_counter() - start)
            np.savetxt(labels_path, km.labels_, fmt="%d")
            ours = np.loadtxt(ours_path, dtype=int)
            threads = ", ".join("%s %s threads" % (p.get("internal_api"), p.get("num_threads")) for p in threadpool_info())
            print(json.dumps({
                "sklearn": sklearn.__version__, "numpy": np.__version__, "threads": threads, "times": times,
                "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
                "sizes": np.bincount(km.labels_, minlength=k).tolist(),
                "ari": float(adjusted_rand_score(ours, km.labels_)),
                "silhouette": float(silhouette_score(Z, km.labels_, sample_size=min(sample, len(Z)), random_state=seed)),
            }))
            """;

    private KMeansBench() {
    }
}
