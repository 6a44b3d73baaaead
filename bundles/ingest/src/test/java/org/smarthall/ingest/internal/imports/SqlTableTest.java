package org.smarthall.ingest.internal.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SqlTableTest {

    @Test
    void aRangeIsUsedOnlyForDenseNumbersOfOneWidth() {
        assertTrue(SqlTable.dense(List.of("3700000001", "3700000002", "3700000004")));
        assertFalse(SqlTable.dense(List.of("3700000001", "3700000009")), "span 9 for 2 keys");
        assertFalse(SqlTable.dense(List.of("3700000001", "370000002")), "widths differ");
        assertFalse(SqlTable.dense(List.of("P-1", "P-2")), "not numbers");
        assertFalse(SqlTable.dense(List.of("3700000001")), "one key: an IN list is as good");
        assertFalse(SqlTable.dense(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))));
    }
}
