package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.smarthall.api.InvalidInputException.Violation;
import org.smarthall.api.ingest.ImportFormat;

/**
 * Imports one slice of a file inside the caller's transaction: parse and check each record, check
 * references to stored customers and halls, drop rows whose key is stored already (or update a
 * changed master row), insert the rest in batches, and record every rejected row with its line,
 * field and reason. Counts what it did.
 */
final class SliceImporter {
    private static final SqlTable CUSTOMERS = new SqlTable("sh_customer", List.of("account:VARCHAR"), List.of("account"),
            List.of("account"), List.of());
    private static final int REASON_MAX = 400;
    /** Accounts whose data an import added or changed: what an incremental tagging run re-tags. */
    private static final SqlTable CHANGES = new SqlTable("sh_customer_change",
            List.of("batch_id:BIGINT", "first_line:BIGINT", "account:VARCHAR"), List.of("batch_id", "first_line", "account"),
            List.of("batch_id", "first_line", "account"), List.of());

    private final DatasetSpec dataset;
    private final ValueType.Clock clock;

    SliceImporter(DatasetSpec dataset, ValueType.Clock clock) {
        this.dataset = dataset;
        this.clock = clock;
    }

    /** What a slice came to. */
    static final class Outcome {
        final Map<String, Long> counters = new TreeMap<>();

        void add(String counter, long n) {
            if (n != 0) {
                counters.merge(counter, n, Long::sum);
            }
        }

        long get(String counter) {
            return counters.getOrDefault(counter, 0L);
        }
    }

    Outcome run(Connection c, Path file, ImportFormat format, Charset charset, RecordBoundaries.Slice slice, long jobId,
            LongConsumer worked) throws IOException, SQLException {
        Outcome outcome = new Outcome();
        List<ParsedRow> rows = new ArrayList<>();
        List<ParsedRow> rejected = new ArrayList<>();
        try (RecordSource source = RecordSource.open(file, format, charset, dataset, slice)) {
            SourceRecord record;
            long read = 0;
            while ((record = source.next()) != null) {
                ParsedRow row = parse(record);
                (row.ok() ? rows : rejected).add(row);
                if (++read % 1000 == 0) {
                    worked.accept(1000);
                }
            }
            worked.accept(read % 1000);
            outcome.add("rows", read);
        }
        checkReferences(c, rows, rejected);

        Instant now = clock.now();
        Map<List<Object>, Object[]> fresh = new LinkedHashMap<>();
        long duplicates = 0;
        for (ParsedRow row : rows) {
            Object[] columns = dataset.mapper().columns(row, jobId, now);
            if (fresh.putIfAbsent(dataset.table().keyOf(columns), columns) != null) {
                duplicates++; // the same key twice in the file: the first one counts
            }
            for (String field : row.missing) {
                outcome.add("missing." + field, 1);
            }
        }
        Map<List<Object>, Object[]> stored = dataset.table().stored(c, fresh.values());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<List<Object>, Object[]> e : fresh.entrySet()) {
            Object[] old = stored.get(e.getKey());
            if (old == null) {
                inserts.add(e.getValue());
            } else if (dataset.master() && dataset.table().differs(old, e.getValue())) {
                updates.add(e.getValue());
            } else {
                duplicates++;
            }
        }
        dataset.table().insert(c, inserts);
        if (dataset.companion() != null) {
            dataset.companion().inserted(c, inserts);
        }
        dataset.table().update(c, updates);
        markChanged(c, jobId, slice.firstLine(), inserts, updates);
        writeRejects(c, jobId, rejected);
        outcome.add("accepted", inserts.size());
        outcome.add("updated", updates.size());
        outcome.add("duplicates", duplicates);
        outcome.add("rejected", rejected.size());
        return outcome;
    }

    private ParsedRow parse(SourceRecord record) {
        ParsedRow row = new ParsedRow(record.line(), dataset);
        if (record.error() != null) {
            row.reject(record.errorField(), record.error());
            return row;
        }
        List<FieldSpec> fields = dataset.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            String raw = record.values()[i] == null ? null : record.values()[i].strip();
            if (raw == null || raw.isEmpty()) {
                if (field.required()) {
                    row.reject(field.name(), "is required");
                } else if (field.flagMissing()) {
                    row.missing.add(field.name());
                }
                continue;
            }
            try {
                row.values[i] = field.type().parse(raw, clock);
            } catch (BadValue bad) {
                row.reject(field.name(), bad.getMessage());
            }
        }
        if (row.ok()) {
            dataset.rule().check(row);
        }
        return row;
    }

    /**
     * Marks the accounts of the rows written, once per slice. A slice writes only marks of its own
     * (the slice is in the key) and a slice run again after a crash was rolled back with its marks,
     * so nothing is looked up: a look-up among the marks of the whole import grows with the file.
     */
    private void markChanged(Connection c, long jobId, long firstLine, List<Object[]> inserts, List<Object[]> updates)
            throws SQLException {
        int column = dataset.table().columns.indexOf("account");
        if (column < 0 || inserts.size() + updates.size() == 0) {
            return;
        }
        Map<String, Object[]> marks = new TreeMap<>();
        for (List<Object[]> rows : List.of(inserts, updates)) {
            for (Object[] row : rows) {
                Object account = row[column];
                if (account != null) {
                    marks.putIfAbsent((String) account, new Object[] {jobId, firstLine, account});
                }
            }
        }
        CHANGES.insert(c, new ArrayList<>(marks.values()));
    }

    /** Rows naming an unknown account or hall, or a zone the hall does not have, are rejected. */
    private void checkReferences(Connection c, List<ParsedRow> rows, List<ParsedRow> rejected) throws SQLException {
        Set<String> accounts = dataset.account() == null ? Set.of()
                : knownAccounts(c, rows.stream().map(r -> r.text(dataset.account())).filter(a -> a != null)
                        .collect(Collectors.toSet()));
        Map<String, Set<String>> halls = dataset.hall() == null ? Map.of() : halls(c);
        for (var it = rows.iterator(); it.hasNext();) {
            ParsedRow row = it.next();
            String account = dataset.account() == null ? null : row.text(dataset.account());
            if (account != null && !accounts.contains(account)) {
                row.reject(dataset.account(), "unknown account " + account + " (import customers first)");
            }
            String hall = dataset.hall() == null ? null : row.text(dataset.hall());
            if (hall != null && !halls.containsKey(hall)) {
                row.reject(dataset.hall(), "unknown hall " + hall + " (import halls first)");
            } else if (hall != null && dataset.zone() != null && !halls.get(hall).contains(row.text(dataset.zone()))) {
                row.reject(dataset.zone(), "hall " + hall + " has no zone " + row.text(dataset.zone()) + "; it has "
                        + new java.util.TreeSet<>(halls.get(hall)));
            }
            if (!row.ok()) {
                it.remove();
                rejected.add(row);
            }
        }
    }

    /** The stored accounts among the given ones, looked up the way imports look up keys. */
    private static Set<String> knownAccounts(Connection c, Set<String> accounts) throws SQLException {
        Set<String> known = new HashSet<>();
        for (List<Object> key : CUSTOMERS.stored(c, accounts.stream().map(a -> new Object[] {a}).toList()).keySet()) {
            known.add((String) key.get(0));
        }
        return known;
    }

    private static Map<String, Set<String>> halls(Connection c) throws SQLException {
        Map<String, Set<String>> halls = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT hall_id, zones FROM sh_hall");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                halls.put(rs.getString(1), new HashSet<>(Arrays.asList(rs.getString(2).split(";"))));
            }
        }
        return halls;
    }

    private static void writeRejects(Connection c, long jobId, List<ParsedRow> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sh_import_reject (job_id, line, field, reason) VALUES (?, ?, ?, ?)")) {
            for (ParsedRow row : rejected) {
                Set<String> fields = new HashSet<>();
                for (Violation v : row.violations) {
                    if (!fields.add(v.field())) {
                        continue; // one reason per field and line is enough
                    }
                    insert.setLong(1, jobId);
                    insert.setLong(2, row.line);
                    insert.setString(3, v.field().length() > 60 ? v.field().substring(0, 60) : v.field());
                    insert.setString(4, v.reason().length() > REASON_MAX ? v.reason().substring(0, REASON_MAX - 1) + "…" : v.reason());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
