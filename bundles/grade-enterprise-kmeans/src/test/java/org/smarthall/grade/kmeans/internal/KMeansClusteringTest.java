package org.smarthall.grade.kmeans.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.math.MathEx;

class KMeansClusteringTest {

    /** Four blobs in 5 dimensions that overlap a little, so that seedings can end differently. */
    private static double[][] blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][5];
        for (int i = 0; i < n; i++) {
            int blob = i % 4;
            for (int j = 0; j < 5; j++) {
                rows[i][j] = (j == blob ? 2.5 : 0) + r.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void oneRestartIsSmilesKMeansFit() {
        double[][] rows = blobs(3_000, 1);
        KMeansClustering.Result ours = KMeansClustering.fit(rows, 4, 1, 100, 1e-4, 77);
        MathEx.setSeed(77);
        KMeans smile = KMeans.fit(new BBDTree(rows), rows, 4, 100, 1e-4);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(smile.centroids[c], ours.centroids()[c], 0.0);
        }
        assertArrayEquals(smile.y, ours.labels());
        assertEquals(smile.distortion, ours.withinClusterSS(), 1e-9 * smile.distortion);
        assertTrue(ours.iterations() >= 2);
    }

    @Test
    void theSameSeedGivesTheSameClustersOnAnyThread() throws Exception {
        double[][] rows = blobs(5_000, 2);
        KMeansClustering.Result first = KMeansClustering.fit(rows, 4, 10, 100, 1e-4, 42);
        KMeansClustering.Result again = CompletableFuture
                .supplyAsync(() -> KMeansClustering.fit(rows, 4, 10, 100, 1e-4, 42)).get();
        assertArrayEquals(first.labels(), again.labels());
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(first.centroids()[c], again.centroids()[c], 0.0);
        }
        assertArrayEquals(first.restartDistortions(), again.restartDistortions(), 0.0);
        assertEquals(first.bestRestart(), again.bestRestart());
    }

    @Test
    void theRestartWithTheLowestWithinClusterSumOfSquaresIsKept() {
        double[][] rows = blobs(2_000, 3);
        KMeansClustering.Result result = KMeansClustering.fit(rows, 7, 10, 100, 1e-4, 5);
        double lowest = Arrays.stream(result.restartDistortions()).min().orElseThrow();
        assertEquals(lowest, result.restartDistortions()[result.bestRestart()]);
        assertEquals(lowest, result.withinClusterSS(), 1e-9 * lowest);
        // the restarts did not all end alike, or this test would show nothing
        assertTrue(Arrays.stream(result.restartDistortions()).distinct().count() > 1);
        // labels are the nearest final centroids
        for (int i = 0; i < rows.length; i++) {
            assertEquals(KMeansClustering.nearest(result.centroids(), rows[i]), result.labels()[i]);
        }
        assertEquals(rows.length, Arrays.stream(result.sizes()).sum());
    }
}
