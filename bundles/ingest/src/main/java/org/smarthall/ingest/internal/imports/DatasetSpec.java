package org.smarthall.ingest.internal.imports;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dataset of docs/formats.md: its fields, the checks across fields, which fields refer to
 * stored customers and halls, and how a row lands in its table.
 *
 * @param master  a master dataset (customers, halls) updates a stored row whose values changed;
 *                the others only add rows whose key is new
 * @param account field that must name a stored customer when present, or {@code null}
 * @param hall    field that must name a stored hall when present, or {@code null}
 * @param zone    field that must be one of that hall's zones, or {@code null}
 */
record DatasetSpec(String name, List<FieldSpec> fields, Rule rule, Mapper mapper, SqlTable table, boolean master,
        String account, String hall, String zone, Map<String, Integer> index, Companion companion) {

    /** Rows derived from the rows just inserted, kept in a table of their own (an index kept apart). */
    @FunctionalInterface
    interface Companion {
        void inserted(java.sql.Connection c, List<Object[]> rows) throws java.sql.SQLException;
    }

    /** Checks across fields; adds violations and missing fields to the row. */
    @FunctionalInterface
    interface Rule {
        void check(ParsedRow row);

        Rule NONE = row -> {
        };
    }

    /** The row's values in the table's column order. */
    @FunctionalInterface
    interface Mapper {
        Object[] columns(ParsedRow row, long batchId, Instant now);
    }

    static DatasetSpec of(String name, List<FieldSpec> fields, Rule rule, Mapper mapper, SqlTable table, boolean master,
            String account, String hall, String zone) {
        return of(name, fields, rule, mapper, table, master, account, hall, zone, null);
    }

    static DatasetSpec of(String name, List<FieldSpec> fields, Rule rule, Mapper mapper, SqlTable table, boolean master,
            String account, String hall, String zone, Companion companion) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).name(), i);
        }
        return new DatasetSpec(name, List.copyOf(fields), rule, mapper, table, master, account, hall, zone, Map.copyOf(index),
                companion);
    }

    int indexOf(String field) {
        Integer i = index.get(field);
        return i == null ? -1 : i;
    }

    String fieldNames() {
        return fields.stream().map(FieldSpec::name).toList().toString();
    }
}
