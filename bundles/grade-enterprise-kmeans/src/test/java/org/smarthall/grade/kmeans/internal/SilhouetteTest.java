package org.smarthall.grade.kmeans.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

    /**
     * On a line: cluster 0 = {0, 1}, cluster 1 = {4, 6}.
     * <pre>
     * x=0: a = 1, b = (4 + 6) / 2 = 5,  s = 4 / 5     = 0.8
     * x=1: a = 1, b = (3 + 5) / 2 = 4,  s = 3 / 4     = 0.75
     * x=4: a = 2, b = (4 + 3) / 2 = 3.5, s = 1.5 / 3.5 = 3/7
     * x=6: a = 2, b = (6 + 5) / 2 = 5.5, s = 3.5 / 5.5 = 7/11
     * </pre>
     */
    @Test
    void handComputedOnFourPoints() {
        double[][] rows = {{0}, {1}, {4}, {6}};
        int[] labels = {0, 0, 1, 1};
        Silhouette.Score score = Silhouette.of(rows, labels, 2, Silhouette.EXACT_LIMIT, 1);
        assertEquals((0.8 + 0.75 + 3.0 / 7 + 7.0 / 11) / 4, score.value(), 1e-12);
        assertTrue(score.exact());
        assertEquals(4, score.points());
    }

    /**
     * In the plane, a point alone in its cluster scores 0: cluster 0 = {(0,0), (0,2)}, cluster 1 =
     * {(3,0)}, cluster 2 empty.
     * <pre>
     * (0,0): a = 2, b = 3,               s = 1/3
     * (0,2): a = 2, b = sqrt(13) = 3.606, s = 1 - 2/sqrt(13)
     * (3,0): alone,                       s = 0
     * </pre>
     */
    @Test
    void aPointAloneScoresZeroAndEmptyClustersAreIgnored() {
        double[][] rows = {{0, 0}, {0, 2}, {3, 0}};
        int[] labels = {0, 0, 1};
        double expected = (1.0 / 3 + (1 - 2 / Math.sqrt(13)) + 0) / 3;
        assertEquals(expected, Silhouette.of(rows, labels, 3, 100, 1).value(), 1e-12);
    }

    @Test
    void oneClusterHasNoSilhouette() {
        assertTrue(Double.isNaN(Silhouette.of(new double[][] {{0}, {1}}, new int[] {0, 0}, 2, 100, 1).value()));
    }

    @Test
    void aboveTheLimitASeededSample() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] rows = new double[500][];
        int[] labels = new int[500];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i % 2;
            rows[i] = new double[] {labels[i] * 5 + r.nextGaussian(), r.nextGaussian()};
        }
        Silhouette.Score exact = Silhouette.of(rows, labels, 2, 500, 7);
        Silhouette.Score sampled = Silhouette.of(rows, labels, 2, 200, 7);
        assertTrue(exact.exact());
        assertFalse(sampled.exact());
        assertEquals(200, sampled.points());
        assertEquals(sampled, Silhouette.of(rows, labels, 2, 200, 7));
        assertEquals(exact.value(), sampled.value(), 0.05);
    }
}
