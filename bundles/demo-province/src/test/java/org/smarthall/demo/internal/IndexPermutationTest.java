package org.smarthall.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

class IndexPermutationTest {

    @Test
    void everyIndexLandsOnItsOwnSlot() {
        for (long size : new long[] {1, 2, 3, 5, 64, 1_000, 4_097, 20_450}) {
            IndexPermutation p = new IndexPermutation(size, 42);
            BitSet seen = new BitSet();
            for (long i = 0; i < size; i++) {
                long slot = p.apply(i);
                assertTrue(slot >= 0 && slot < size, size + ": " + slot);
                assertFalse(seen.get((int) slot), size + ": " + slot + " twice");
                seen.set((int) slot);
            }
            assertEquals(size, seen.cardinality());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> new IndexPermutation(10, 1).apply(10));
    }

    @Test
    void theKeyShufflesAndNeighboursScatter() {
        IndexPermutation a = new IndexPermutation(10_000, 1);
        IndexPermutation b = new IndexPermutation(10_000, 2);
        int same = 0;
        int ascending = 0;
        for (int i = 0; i < 10_000; i++) {
            same += a.apply(i) == b.apply(i) ? 1 : 0;
            ascending += i > 0 && a.apply(i) > a.apply(i - 1) ? 1 : 0;
        }
        assertTrue(same < 20, "two keys agree on " + same);
        assertTrue(Math.abs(ascending - 5_000) < 300, "as often up as down: " + ascending);
        assertNotEquals(a.apply(0), a.apply(1));
    }
}
