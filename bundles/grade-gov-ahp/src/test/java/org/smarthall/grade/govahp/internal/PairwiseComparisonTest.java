package org.smarthall.grade.govahp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The AHP arithmetic against independent computations and published worked examples. */
class PairwiseComparisonTest {

    /** {@code a[i][j] = w[i] / w[j]}: a perfectly consistent matrix whose priorities are {@code w}. */
    private static double[][] consistent(double... w) {
        double[][] a = new double[w.length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                a[i][j] = w[i] / w[j];
            }
        }
        return a;
    }

    /** The geometric-mean (logarithmic least squares) priorities: exact for a consistent matrix. */
    private static double[] geometricMeans(double[][] a) {
        int n = a.length;
        double[] g = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double logs = 0;
            for (double x : a[i]) {
                logs += Math.log(x);
            }
            g[i] = Math.exp(logs / n);
            sum += g[i];
        }
        for (int i = 0; i < n; i++) {
            g[i] /= sum;
        }
        return g;
    }

    private static double[] array(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void consistentMatrixHasLambdaNAndCrZero() {
        double[][] a = consistent(0.4, 0.3, 0.2, 0.1);
        PairwiseComparison pc = new PairwiseComparison(a);
        assertArrayEquals(geometricMeans(a), array(pc.weights()), 1e-12);
        assertArrayEquals(new double[] {0.4, 0.3, 0.2, 0.1}, array(pc.weights()), 1e-12);
        assertEquals(4, pc.lambdaMax(), 1e-12);
        assertEquals(0, pc.ci());
        assertEquals(0.90, pc.ri());
        assertEquals(0, pc.cr());
    }

    @Test
    void consistentMatrixOnSaatysScale() {
        // weights 8:4:2:1 from judgements 2, 4, 8, 2, 4, 2
        double[][] a = {{1, 2, 4, 8}, {1 / 2.0, 1, 2, 4}, {1 / 4.0, 1 / 2.0, 1, 2}, {1 / 8.0, 1 / 4.0, 1 / 2.0, 1}};
        PairwiseComparison pc = new PairwiseComparison(a);
        assertArrayEquals(new double[] {8 / 15.0, 4 / 15.0, 2 / 15.0, 1 / 15.0}, array(pc.weights()), 1e-12);
        assertEquals(0, pc.cr(), 1e-12);
    }

    /**
     * For a 3 x 3 reciprocal matrix with {@code a12 = a, a13 = b, a23 = c}, the principal
     * eigenvalue has the closed form {@code 1 + d^(1/3) + d^(-1/3)}, {@code d = a c / b}, and the
     * eigenvector is proportional to the row geometric means. The matrix (3, 5, 3) is the one
     * most AHP tutorials start with: weights 0.637, 0.258, 0.105, lambda max 3.039, CR 0.033.
     */
    @Test
    void threeByThreeAgainstTheClosedForm() {
        double[][] a = {{1, 3, 5}, {1 / 3.0, 1, 3}, {1 / 5.0, 1 / 3.0, 1}};
        PairwiseComparison pc = new PairwiseComparison(a);
        double d = 3.0 * 3.0 / 5.0;
        double lambda = 1 + Math.cbrt(d) + 1 / Math.cbrt(d);
        assertEquals(lambda, pc.lambdaMax(), 1e-10);
        assertArrayEquals(geometricMeans(a), array(pc.weights()), 1e-10);
        assertEquals(3.039, pc.lambdaMax(), 5e-4);
        assertArrayEquals(new double[] {0.637, 0.258, 0.105}, array(pc.weights()), 5e-4);
        assertEquals((lambda - 3) / 2, pc.ci(), 1e-10);
        assertEquals(0.033, pc.cr(), 5e-4);
    }

    /**
     * Saaty's house example (T. L. Saaty, "How to make a decision: the analytic hierarchy
     * process", European Journal of Operational Research 48 (1990) 9-26): eight criteria for
     * buying a house, lambda max 9.669, CI 0.238, CR 0.169 and the priorities below, published to
     * three decimals. Inconsistent by Saaty's own rule (CR above 0.10).
     */
    @Test
    void saatysHouseExample() {
        double[][] a = {
            {1, 5, 3, 7, 6, 6, 1 / 3.0, 1 / 4.0},
            {1 / 5.0, 1, 1 / 3.0, 5, 3, 3, 1 / 5.0, 1 / 7.0},
            {1 / 3.0, 3, 1, 6, 3, 4, 6, 1 / 5.0},
            {1 / 7.0, 1 / 5.0, 1 / 6.0, 1, 1 / 3.0, 1 / 4.0, 1 / 7.0, 1 / 8.0},
            {1 / 6.0, 1 / 3.0, 1 / 3.0, 3, 1, 1 / 2.0, 1 / 5.0, 1 / 6.0},
            {1 / 6.0, 1 / 3.0, 1 / 4.0, 4, 2, 1, 1 / 5.0, 1 / 6.0},
            {3, 5, 1 / 6.0, 7, 5, 5, 1, 1 / 2.0},
            {4, 7, 5, 8, 6, 6, 2, 1}};
        PairwiseComparison pc = new PairwiseComparison(a);
        assertEquals(9.669, pc.lambdaMax(), 5e-4);
        assertEquals(0.238, pc.ci(), 5e-4);
        assertEquals(1.41, pc.ri());
        assertEquals(0.169, pc.cr(), 5e-4);
        assertArrayEquals(new double[] {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333},
                array(pc.weights()), 5e-4);
    }

    @Test
    void weightsSumToOneAndSatisfyTheEigenEquation() {
        double[][] a = {{1, 2, 3, 5}, {1 / 2.0, 1, 2, 3}, {1 / 3.0, 1 / 2.0, 1, 2}, {1 / 5.0, 1 / 3.0, 1 / 2.0, 1}};
        PairwiseComparison pc = new PairwiseComparison(a);
        double[] w = array(pc.weights());
        assertEquals(1, w[0] + w[1] + w[2] + w[3], 1e-12);
        for (int i = 0; i < 4; i++) {
            double aw = 0;
            for (int j = 0; j < 4; j++) {
                aw += a[i][j] * w[j];
            }
            assertEquals(pc.lambdaMax() * w[i], aw, 1e-10);
        }
        assertTrue(pc.lambdaMax() > 4);
    }

    @Test
    void oneOrTwoCriteriaAreAlwaysConsistent() {
        PairwiseComparison one = new PairwiseComparison(new double[][] {{1}});
        assertEquals(List.of(1.0), one.weights());
        assertEquals(0, one.cr());
        PairwiseComparison two = new PairwiseComparison(new double[][] {{1, 9}, {1 / 9.0, 1}});
        assertArrayEquals(new double[] {0.9, 0.1}, array(two.weights()), 1e-12);
        assertEquals(2, two.lambdaMax(), 1e-12);
        assertEquals(0, two.ci());
        assertEquals(0, two.cr());
    }

    @Test
    void saatysRandomIndex() {
        assertArrayEquals(new double[] {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57,
            1.59}, PairwiseComparison.RANDOM_INDEX);
        assertEquals(1.12, new PairwiseComparison(consistent(5, 4, 3, 2, 1)).ri());
    }

    @Test
    void aMatrixThatIsNotPositiveAndReciprocalIsRefused() {
        IllegalArgumentException notReciprocal = assertThrows(IllegalArgumentException.class,
                () -> new PairwiseComparison(new double[][] {{1, 3}, {3, 1}}));
        assertEquals("a21 = 3.0 is not the reciprocal of a12 = 3.0", notReciprocal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PairwiseComparison(new double[][] {{1, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> new PairwiseComparison(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new PairwiseComparison(new double[0][]));
    }
}
