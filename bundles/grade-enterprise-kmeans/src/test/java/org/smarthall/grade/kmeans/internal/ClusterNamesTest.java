package org.smarthall.grade.kmeans.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ClusterNamesTest {

    /** Centroid in z units: account age, level, growth, prosperity, direct purchase, credit. */
    private static double[] c(double growth, double prosperity, double direct, double credit) {
        return new double[] {0, 0, growth, prosperity, direct, credit};
    }

    @Test
    void threeClusters() {
        double[][] centroids = {
            c(0, 0, 0, 0.3),        // growth score 0, risk score -0.3
            c(-0.5, -1, 1.2, -1.5), // risk score 2.7
            c(1.5, 1, -0.8, 0.4),   // growth score 3.3
        };
        assertArrayEquals(new String[] {"maintain", "risk", "growth"}, ClusterNames.of(centroids));
    }

    @Test
    void theGrowthClusterIsNamedFirstEvenWhenItsRiskScoreIsHighest() {
        double[][] centroids = {
            c(2, 2, 1, -2), // growth 3, risk 3
            c(0, 0, 0.5, 0), // risk 0.5
            c(0, 0, 0, 0),
        };
        assertArrayEquals(new String[] {"growth", "risk", "maintain"}, ClusterNames.of(centroids));
    }

    @Test
    void moreClustersAreNumberedMaintainByFallingGrowthScore() {
        double[][] centroids = {
            c(-1, 0, 0, 0),  // growth -1
            c(2, 0, 0, 0),   // growth 2
            c(0, 0, 2, -2),  // risk 4
            c(0.5, 0, 0, 0), // growth 0.5
        };
        assertArrayEquals(new String[] {"maintain-2", "growth", "risk", "maintain-1"}, ClusterNames.of(centroids));
        assertArrayEquals(new String[] {"risk", "growth"}, ClusterNames.of(new double[][] {c(0, 0, 1, 0), c(1, 0, 0, 0)}));
    }
}
