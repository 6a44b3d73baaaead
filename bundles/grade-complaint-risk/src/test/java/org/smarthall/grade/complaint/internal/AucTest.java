package org.smarthall.grade.complaint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Mann-Whitney AUC on examples small enough to count the pairs by hand. */
class AucTest {

    @Test
    void countsThePairsRankedRight() {
        // pairs (positive, negative): 0.35 > 0.1, 0.35 < 0.4, 0.8 > 0.1, 0.8 > 0.4: 3 of 4
        assertEquals(0.75, Auc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}), 1e-12);
    }

    @Test
    void aTieCountsOneHalf() {
        // 0.5 vs 0.2: 1; 0.5 vs 0.5: 1/2; 0.9 vs both: 2; 3.5 of 4
        assertEquals(0.875, Auc.of(new double[] {0.2, 0.5, 0.5, 0.9}, new int[] {0, 1, 0, 1}), 1e-12);
        assertEquals(0.5, Auc.of(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, new int[] {0, 1, 0, 1, 0}), 1e-12);
    }

    @Test
    void perfectAndReversedRankings() {
        assertEquals(1.0, Auc.of(new double[] {0.1, 0.2, 0.3, 0.9}, new int[] {0, 0, 0, 1}), 1e-12);
        assertEquals(0.0, Auc.of(new double[] {0.9, 0.8, 0.1, 0.2, 0.3}, new int[] {0, 0, 1, 1, 1}), 1e-12);
    }

    @Test
    void needsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {0.1, 0.2}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {0.1, 0.2}, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {0.1, 0.2}, new int[] {0, 2}));
    }
}
