package org.smarthall.ingest.internal.zone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.store.Dialect;

/**
 * The SQL of the halls and their zone events, on a caller's connection. Plain JDBC in the subset
 * Derby 10.14 and PostgreSQL 15 share; instants go through {@link Timestamp} like the rest of the
 * store. Derby's optimizer, going by statistics taken when the table was empty, picks the time
 * index even for one visitor's events: on Derby each query names the index it needs (in a
 * comment, which PostgreSQL ignores).
 */
final class ZoneEventTable {
    /** Batch id of events that came in live rather than through an import job. */
    static final long LIVE = 0;
    /**
     * Values per IN list, and primary-key probes per statement. Short lists are padded with their
     * last value, so that each database compiles a statement text once and then finds it cached.
     */
    static final int IN_LIST = 100;
    /** Rows the driver fetches per round trip when streaming events. */
    static final int FETCH_SIZE = 1000;

    private static final String COLUMNS = "hall, visitor, occurred_at, zone, kind, account, detail";

    /** sh_zone_event with the index for a hall's visitor in a span (the primary key). */
    private final String byVisitor;
    /** sh_zone_event with the index for a hall's span of time. */
    private final String byTime;
    /** sh_zone_event with the index for an account's span of time. */
    private final String byAccount;

    ZoneEventTable(Dialect dialect) {
        this.byVisitor = table(dialect, "constraint=SH_ZONE_EVENT_PK");
        this.byTime = table(dialect, "index=SH_ZONE_EVENT_TIME");
        this.byAccount = table(dialect, "index=SH_ZONE_EVENT_ACCOUNT");
    }

    private static String table(Dialect dialect, String access) {
        return dialect == Dialect.DERBY ? "sh_zone_event --DERBY-PROPERTIES " + access + "\n" : "sh_zone_event ";
    }

    /** What makes two zone events the same one (the table's primary key, within one hall). */
    record Key(String visitor, Instant at, String zone, String kind) {
        static Key of(ZoneEvent event) {
            return new Key(event.visitor(), event.at(), event.zone(), event.kind());
        }
    }

    List<Hall> halls(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hall_id, name, region, zones FROM sh_hall ORDER BY hall_id");
                ResultSet rs = s.executeQuery()) {
            List<Hall> halls = new ArrayList<>();
            while (rs.next()) {
                halls.add(hall(rs));
            }
            return halls;
        }
    }

    Optional<Hall> hall(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hall_id, name, region, zones FROM sh_hall WHERE hall_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(hall(rs)) : Optional.empty();
            }
        }
    }

    private static Hall hall(ResultSet rs) throws SQLException {
        List<String> zones = Arrays.stream(rs.getString(4).split(";")).map(String::strip).filter(z -> !z.isEmpty())
                .toList();
        return new Hall(rs.getString(1), rs.getString(2), rs.getString(3), zones);
    }

    /** Those of the accounts that are customers. */
    Set<String> knownAccounts(Connection c, Collection<String> accounts) throws SQLException {
        Set<String> known = new HashSet<>();
        if (accounts.isEmpty()) {
            return known;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT account FROM sh_customer WHERE account IN ("
                + placeholders(IN_LIST) + ")")) {
            for (List<String> chunk : chunks(List.copyOf(accounts))) {
                for (int i = 0; i < IN_LIST; i++) {
                    s.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getString(1));
                    }
                }
            }
        }
        return known;
    }

    /**
     * The keys already stored among those of the events (all of one hall). Each visitor's span of
     * the batch is one probe of the primary key; the probes of up to {@link #IN_LIST} visitors go
     * as one statement, whatever the batch's times: a live batch, a resent day or a jumble.
     */
    Set<Key> storedKeys(Connection c, String hall, Collection<ZoneEvent> events) throws SQLException {
        Set<Key> wanted = new HashSet<>();
        Map<String, Span> spans = new HashMap<>();
        for (ZoneEvent e : events) {
            wanted.add(Key.of(e));
            spans.merge(e.visitor(), Span.of(e.at()), Span::union);
        }
        String probe = "SELECT visitor, occurred_at, zone, kind FROM " + byVisitor
                + "WHERE hall = ? AND visitor = ? AND occurred_at >= ? AND occurred_at <= ?";
        Set<Key> stored = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(spans.keySet()))) {
            // a power of two wide, padded: a few statement texts serve every batch, from one sensor event up
            int width = chunk.size() == 1 ? 1 : Math.min(IN_LIST, Integer.highestOneBit(chunk.size() - 1) << 1);
            try (PreparedStatement s = c.prepareStatement(String.join(" UNION ALL ", Collections.nCopies(width, probe)))) {
                for (int i = 0; i < width; i++) {
                    String visitor = chunk.get(Math.min(i, chunk.size() - 1));
                    s.setString(4 * i + 1, hall);
                    s.setString(4 * i + 2, visitor);
                    s.setTimestamp(4 * i + 3, Timestamp.from(spans.get(visitor).first()));
                    s.setTimestamp(4 * i + 4, Timestamp.from(spans.get(visitor).last()));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Key key = new Key(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4));
                        if (wanted.contains(key)) {
                            stored.add(key);
                        }
                    }
                }
            }
        }
        return stored;
    }

    void insert(Connection c, String hall, List<ZoneEvent> events, long batchId) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_zone_event (" + COLUMNS
                + ", batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ZoneEvent e : events) {
                s.setString(1, hall);
                s.setString(2, e.visitor());
                s.setTimestamp(3, Timestamp.from(e.at()));
                s.setString(4, e.zone());
                s.setString(5, e.kind());
                s.setString(6, e.account());
                s.setString(7, e.detail());
                s.setLong(8, batchId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** A hall's events from (inclusive) to (exclusive), by visitor, then time. */
    void scanHall(Connection c, String hall, Instant from, Instant to, Consumer<ZoneEvent> sink)
            throws SQLException {
        scan(c, "SELECT " + COLUMNS + " FROM " + byTime + "WHERE hall = ? AND occurred_at >= ? AND occurred_at < ?"
                + " ORDER BY visitor, occurred_at, zone, kind", sink, hall, from, to);
    }

    /** One visitor's events in a hall from (inclusive) to (exclusive), in time order. */
    void scanVisitor(Connection c, String hall, String visitor, Instant from, Instant to,
            Consumer<ZoneEvent> sink) throws SQLException {
        scan(c, "SELECT " + COLUMNS + " FROM " + byVisitor + "WHERE hall = ? AND visitor = ? AND occurred_at >= ?"
                + " AND occurred_at < ? ORDER BY occurred_at, zone, kind", sink, hall, visitor, from, to);
    }

    /** The events that carry an account, from (inclusive) to (exclusive). */
    void scanAccount(Connection c, String account, Instant from, Instant to, Consumer<ZoneEvent> sink)
            throws SQLException {
        scan(c, "SELECT " + COLUMNS + " FROM " + byAccount + "WHERE account = ? AND occurred_at >= ? AND occurred_at < ?",
                sink, account, from, to);
    }

    /**
     * Streams rows to the sink as they come: a forward-only cursor with a fetch size (PostgreSQL
     * only uses a cursor inside a transaction, which {@code Database.inTransaction} gives).
     */
    private static void scan(Connection c, String sql, Consumer<ZoneEvent> sink, Object... parameters)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant at) {
                    s.setTimestamp(i + 1, Timestamp.from(at));
                } else {
                    s.setString(i + 1, (String) parameters[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ZoneEvent(rs.getString(1), rs.getString(4), rs.getString(2), rs.getString(6),
                            rs.getString(5), rs.getTimestamp(3).toInstant(), rs.getString(7)));
                }
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += IN_LIST) {
            chunks.add(values.subList(i, Math.min(values.size(), i + IN_LIST)));
        }
        return chunks;
    }
}
