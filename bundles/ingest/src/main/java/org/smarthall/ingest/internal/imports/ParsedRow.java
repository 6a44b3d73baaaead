package org.smarthall.ingest.internal.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.smarthall.api.InvalidInputException.Violation;

/** A record after its values were parsed: typed values, the fields at fault, the fields missing. */
final class ParsedRow {
    final long line;
    final DatasetSpec dataset;
    final Object[] values;
    final List<Violation> violations = new ArrayList<>();
    final Set<String> missing = new TreeSet<>();

    ParsedRow(long line, DatasetSpec dataset) {
        this.line = line;
        this.dataset = dataset;
        this.values = new Object[dataset.fields().size()];
    }

    Object get(String field) {
        return values[dataset.indexOf(field)];
    }

    String text(String field) {
        return (String) get(field);
    }

    boolean has(String field) {
        return get(field) != null;
    }

    void reject(String field, String reason) {
        violations.add(new Violation(field, reason));
    }

    boolean ok() {
        return violations.isEmpty();
    }
}
