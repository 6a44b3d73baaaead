package org.smarthall.tagging.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.smarthall.api.customer.CustomerSnapshots.AccountRange;
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagCount;

/**
 * The SQL of tagging: runs, the current tags of each customer, and what each committed partition
 * changed in the distribution of tags. Plain JDBC on the store's DataSource (or a job's
 * connection): a run writes a million rows.
 */
final class TagStore {
    static final int IN_CHUNK = 400;
    private static final int BATCH = 500;

    /** A run as stored. */
    record RunRow(long id, String mode, LocalDate asOf, Long baseRun, long changeFrom, long changeTo,
            Instant visitsSince, List<String> themes, Instant created) {
        boolean incremental() {
            return org.smarthall.api.tag.TagRun.INCREMENTAL.equals(mode);
        }
    }

    /** One customer's new tags, ready to write. */
    record Tagged(String account, String document) {
    }

    private TagStore() {
    }

    static void insertRun(Connection c, RunRow run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_tag_run (run_id, mode, as_of, base_run, change_from,"
                + " change_to, visits_since, themes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, run.id());
            s.setString(2, run.mode());
            s.setDate(3, Date.valueOf(run.asOf()));
            if (run.baseRun() == null) {
                s.setNull(4, java.sql.Types.BIGINT);
            } else {
                s.setLong(4, run.baseRun());
            }
            s.setLong(5, run.changeFrom());
            s.setLong(6, run.changeTo());
            s.setTimestamp(7, run.visitsSince() == null ? null : Timestamp.from(run.visitsSince()));
            s.setString(8, String.join(",", run.themes()));
            s.setTimestamp(9, Timestamp.from(run.created()));
            s.executeUpdate();
        }
    }

    static Optional<RunRow> run(Connection c, long id) throws SQLException {
        List<RunRow> rows = runs(c, "WHERE run_id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every run, newest first. */
    static List<RunRow> runs(Connection c) throws SQLException {
        return runs(c, "", null);
    }

    private static List<RunRow> runs(Connection c, String where, Long id) throws SQLException {
        List<RunRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, mode, as_of, base_run, change_from, change_to,"
                + " visits_since, themes, created_at FROM sh_tag_run " + where + " ORDER BY run_id DESC")) {
            if (id != null) {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long base = rs.getLong(4);
                    Long baseRun = rs.wasNull() ? null : base;
                    Timestamp since = rs.getTimestamp(7);
                    String themes = rs.getString(8);
                    rows.add(new RunRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), baseRun,
                            rs.getLong(5), rs.getLong(6), since == null ? null : since.toInstant(),
                            themes.isEmpty() ? List.of() : Arrays.asList(themes.split(",")),
                            rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return rows;
    }

    /**
     * Accounts with new data: marked by an import batch in {@code [from, to)}, or named by a hall
     * event since {@code visitsSince}; within {@code range} when given. Sorted.
     */
    static TreeSet<String> changedAccounts(Connection c, long from, long to, Instant visitsSince, AccountRange range)
            throws SQLException {
        TreeSet<String> accounts = new TreeSet<>();
        String inRange = range == null ? "" : " AND account >= ?" + (range.to() == null ? "" : " AND account < ?");
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT account FROM sh_customer_change WHERE batch_id >= ? AND batch_id < ?" + inRange)) {
            s.setLong(1, from);
            s.setLong(2, to);
            bindRange(s, 3, range);
            collect(s, accounts);
        }
        if (visitsSince != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT DISTINCT account FROM sh_zone_event_account WHERE occurred_at >= ?" + inRange)) {
                s.setTimestamp(1, Timestamp.from(visitsSince));
                bindRange(s, 2, range);
                collect(s, accounts);
            }
        }
        // only accounts that are customers: a zone event may name an account imported later
        if (!accounts.isEmpty() && range != null) {
            accounts.retainAll(existing(c, accounts));
        }
        return accounts;
    }

    private static List<String> existing(Connection c, Collection<String> accounts) throws SQLException {
        List<String> all = new ArrayList<>(accounts);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT account FROM sh_customer " + hint(c, "SH_CUSTOMER_PK")
                    + "WHERE account IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
                int p = 1;
                for (String a : chunk) {
                    s.setString(p++, a);
                }
                collect(s, found);
            }
        }
        return found;
    }

    private static void collect(PreparedStatement s, Collection<String> into) throws SQLException {
        s.setFetchSize(2000);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    private static int bindRange(PreparedStatement s, int first, AccountRange range) throws SQLException {
        if (range == null) {
            return first;
        }
        s.setString(first, range.from());
        if (range.to() != null) {
            s.setString(first + 1, range.to());
            return first + 2;
        }
        return first + 1;
    }

    /** Deletes the stored tags of every customer of a range. */
    static void deleteRange(Connection c, AccountRange range) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sh_customer_tags WHERE account >= ?"
                + (range.to() == null ? "" : " AND account < ?"))) {
            bindRange(s, 1, range);
            s.executeUpdate();
        }
    }

    /** The stored documents of some customers, then deletes them: what an incremental run replaces. */
    static List<String> takeDocuments(Connection c, List<String> accounts) throws SQLException {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i += IN_CHUNK) {
            List<String> chunk = accounts.subList(i, Math.min(accounts.size(), i + IN_CHUNK));
            String in = "account IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement s = c.prepareStatement("SELECT tags FROM sh_customer_tags "
                    + hint(c, "SH_CUSTOMER_TAGS_PK") + "WHERE " + in)) {
                bind(s, chunk);
                collect(s, documents);
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sh_customer_tags WHERE " + in)) {
                bind(s, chunk);
                s.executeUpdate();
            }
        }
        return documents;
    }

    private static void bind(PreparedStatement s, List<String> values) throws SQLException {
        int p = 1;
        for (String v : values) {
            s.setString(p++, v);
        }
    }

    static void insertTags(Connection c, long runId, Instant at, List<Tagged> tagged) throws SQLException {
        Timestamp time = Timestamp.from(at);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sh_customer_tags (account, run_id, tagged_at, tags) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Tagged t : tagged) {
                s.setString(1, t.account());
                s.setLong(2, runId);
                s.setTimestamp(3, time);
                s.setString(4, t.document());
                s.addBatch();
                if (++pending == BATCH) {
                    s.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    /** Counts key: theme, dimension, value, version. */
    static void insertCounts(Connection c, long runId, int partition, Map<List<String>, Long> counts)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_tag_count (run_id, partition_no, theme, dimension,"
                + " tag_value, theme_version, customers) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
                if (e.getValue() == 0) {
                    continue;
                }
                List<String> k = e.getKey();
                s.setLong(1, runId);
                s.setInt(2, partition);
                s.setString(3, k.get(0));
                s.setString(4, k.get(1));
                s.setString(5, k.get(2));
                s.setString(6, k.get(3));
                s.setLong(7, e.getValue());
                s.addBatch();
                any = true;
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    /** The current tags of one customer. */
    static List<CustomerTag> tagsOf(Connection c, String account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, tagged_at, tags FROM sh_customer_tags "
                + hint(c, "SH_CUSTOMER_TAGS_PK") + "WHERE account = ?")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                return TagDocument.decode(rs.getString(3), rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
    }

    /** The summed counts of one theme over the given runs, values with no customers left out. */
    static List<TagCount> counts(Connection c, String theme, Collection<Long> runs) throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<List<String>, Long> sums = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int d = a.get(i).compareTo(b.get(i));
                if (d != 0) {
                    return d;
                }
            }
            return 0;
        });
        try (PreparedStatement s = c.prepareStatement("SELECT dimension, tag_value, theme_version, SUM(customers)"
                + " FROM sh_tag_count WHERE theme = ? AND run_id IN (" + "?, ".repeat(runs.size() - 1) + "?)"
                + " GROUP BY dimension, tag_value, theme_version")) {
            s.setString(1, theme);
            int p = 2;
            for (long run : runs) {
                s.setLong(p++, run);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sums.merge(List.of(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4), Long::sum);
                }
            }
        }
        List<TagCount> counts = new ArrayList<>();
        sums.forEach((k, n) -> {
            if (n != 0) {
                counts.add(new TagCount(k.get(0), k.get(1), k.get(2), n));
            }
        });
        return counts;
    }

    /** Adds one customer's tags to partition counts, or takes them away. */
    static void count(Map<List<String>, Long> counts, List<String[]> keys, long sign) {
        for (String[] k : keys) {
            counts.merge(List.of(k[0], k[1], k[2], k[3]), sign, Long::sum);
        }
    }

    static Map<List<String>, Long> newCounts() {
        return new HashMap<>();
    }

    private static String hint(Connection c, String index) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby")
                ? "--DERBY-PROPERTIES constraint=" + index + "\n" : "";
    }
}
