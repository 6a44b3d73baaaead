package org.smarthall.grade.kmeans.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Mean silhouette of a partition, Euclidean distance, as scikit-learn's
 * {@code silhouette_score}: for a point, a = mean distance to the other points of its cluster, b =
 * the lowest mean distance to the points of another cluster, s = (b - a) / max(a, b); s = 0 for a
 * point alone in its cluster. Exact (all pairs, O(n²)) for up to {@code limit} points; above, on
 * a uniform random sample of {@code limit} points drawn with the given seed, distances within the
 * sample only (as {@code silhouette_score(sample_size=...)}).
 */
public final class Silhouette {
    /** Points above which the silhouette is estimated on a sample. */
    public static final int EXACT_LIMIT = 20_000;

    /**
     * @param value the mean silhouette, NaN when fewer than two clusters have points
     * @param points how many points it was computed on
     * @param exact  whether on all of them
     */
    public record Score(double value, int points, boolean exact) {
    }

    private Silhouette() {
    }

    public static Score of(double[][] rows, int[] labels, int k, int limit, long seed) {
        int n = rows.length;
        int[] sample;
        boolean exact = n <= limit;
        if (exact) {
            sample = IntStream.range(0, n).toArray();
        } else {
            // partial Fisher-Yates: the first `limit` of a seeded shuffle, in row order
            int[] all = IntStream.range(0, n).toArray();
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < limit; i++) {
                int j = i + random.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            sample = Arrays.copyOf(all, limit);
            Arrays.sort(sample);
        }
        int m = sample.length;
        int[] count = new int[k];
        for (int i : sample) {
            count[labels[i]]++;
        }
        if (Arrays.stream(count).filter(c -> c > 0).count() < 2) {
            return new Score(Double.NaN, m, exact);
        }
        double[] s = new double[m];
        // each point's value on its own: the parallel loop gives the same result on any thread count
        IntStream.range(0, m).parallel().forEach(p -> {
            double[] x = rows[sample[p]];
            double[] sums = new double[k];
            for (int q = 0; q < m; q++) {
                if (q != p) {
                    sums[labels[sample[q]]] += distance(x, rows[sample[q]]);
                }
            }
            int own = labels[sample[p]];
            if (count[own] < 2) {
                s[p] = 0;
                return;
            }
            double a = sums[own] / (count[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sums[c] / count[c]);
                }
            }
            double max = Math.max(a, b);
            s[p] = max > 0 ? (b - a) / max : 0;
        });
        double total = 0;
        for (double v : s) {
            total += v;
        }
        return new Score(total / m, m, exact);
    }

    private static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - y[j];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
