package org.smarthall.grade.kmeans.internal;

import smile.clustering.BBDTree;
import smile.clustering.PartitionClustering;
import smile.math.MathEx;

/**
 * K-means with Smile 3.1.1 (GPL v3, embedded in this bundle): k-means++ seeding
 * ({@link PartitionClustering#seed}) and Kanungo's filtering algorithm over a BBD tree
 * ({@link BBDTree#clustering}), the same steps as {@code smile.clustering.KMeans.fit(BBDTree, data,
 * k, maxIter, tol)} (the tests check the results are identical), written out so that the number
 * of iterations can be recorded and the tree is built once for all restarts.
 *
 * <p>Reproducible: restart {@code r} seeds Smile's random generator with {@code seed + r}
 * ({@link MathEx#setSeed}, a generator per thread, so the seeding runs on the calling thread);
 * the same rows in the same order with the same seed give the same centroids and labels. Of the
 * restarts the one with the lowest within-cluster sum of squares is kept (the first on a tie).
 *
 * <p>Convergence as in Smile: a restart stops when an iteration lowers the within-cluster sum of
 * squares (summed over all rows) by {@code tolerance} or less, or after {@code maxIterations}.
 */
public final class KMeansClustering {

    /**
     * The kept restart.
     *
     * @param centroids          k rows
     * @param labels             nearest centroid of each row, against the final centroids
     * @param withinClusterSS    sum over rows of the squared distance to their centroid
     * @param iterations         iterations of the kept restart
     * @param bestRestart        which restart was kept, from 0
     * @param restartDistortions within-cluster sum of squares each restart ended with
     * @param sizes              rows per cluster
     */
    public record Result(double[][] centroids, int[] labels, double withinClusterSS, int iterations, int bestRestart,
            double[] restartDistortions, int[] sizes) {
    }

    private KMeansClustering() {
    }

    public static Result fit(double[][] rows, int k, int restarts, int maxIterations, double tolerance, long seed) {
        if (rows.length < k) {
            throw new IllegalArgumentException(rows.length + " rows for " + k + " clusters");
        }
        BBDTree tree = new BBDTree(rows);
        double[] distortions = new double[restarts];
        double[][] best = null;
        int bestRestart = -1;
        int bestIterations = 0;
        for (int r = 0; r < restarts; r++) {
            MathEx.setSeed(seed + r);
            double[][] centroids = new double[k][];
            int iterations = lloyd(tree, rows, k, maxIterations, tolerance, centroids);
            distortions[r] = assign(rows, centroids, null);
            if (best == null || distortions[r] < distortions[bestRestart]) {
                best = centroids;
                bestRestart = r;
                bestIterations = iterations;
            }
        }
        int[] labels = new int[rows.length];
        double wcss = assign(rows, best, labels);
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        return new Result(best, labels, wcss, bestIterations, bestRestart, distortions, sizes);
    }

    /** One restart; fills {@code out} with the centroids and returns the iterations done. */
    private static int lloyd(BBDTree tree, double[][] rows, int k, int maxIterations, double tolerance,
            double[][] out) {
        int n = rows.length;
        int d = rows[0].length;
        int[] y = new int[n];
        double[][] medoids = new double[k][];
        double distortion = MathEx.sum(PartitionClustering.seed(rows, medoids, y, MathEx::squaredDistance));

        // as Smile: start from the means of the seeding's partition
        int[] size = new int[k];
        double[][] centroids = new double[k][d];
        for (int i = 0; i < n; i++) {
            size[y[i]]++;
            double[] c = centroids[y[i]];
            for (int j = 0; j < d; j++) {
                c[j] += rows[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= size[c];
            }
        }

        double[][] sum = new double[k][d];
        double diff = Double.MAX_VALUE;
        int iterations = 0;
        for (int iter = 1; iter <= maxIterations && diff > tolerance; iter++) {
            double wcss = tree.clustering(centroids, sum, size, y);
            diff = distortion - wcss;
            distortion = wcss;
            iterations = iter;
        }
        System.arraycopy(centroids, 0, out, 0, k);
        return iterations;
    }

    /** Sum of squared distances to the nearest centroid; the nearest go to {@code labels} unless null. */
    static double assign(double[][] rows, double[][] centroids, int[] labels) {
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            int nearest = nearest(centroids, rows[i]);
            if (labels != null) {
                labels[i] = nearest;
            }
            total += MathEx.squaredDistance(rows[i], centroids[nearest]);
        }
        return total;
    }

    /** Index of the centroid nearest to {@code x} (the first on a tie). */
    public static int nearest(double[][] centroids, double[] x) {
        int nearest = 0;
        double min = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double dist = MathEx.squaredDistance(centroids[c], x);
            if (dist < min) {
                min = dist;
                nearest = c;
            }
        }
        return nearest;
    }
}
