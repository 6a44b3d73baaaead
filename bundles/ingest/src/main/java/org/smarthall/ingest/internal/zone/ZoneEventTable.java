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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.store.Dialect;

/**
 * The SQL of the halls and their zone events, on a caller's connection. Plain JDBC in the subset
 * Derby 10.14 and PostgreSQL 15 share; instants go through {@link Timestamp} like the rest of the
 * store. The events' key leads with hall and time, so every read of a hall is a range of it.
 * Derby's optimizer, going by statistics taken when the tables were empty, picks poor plans: on
 * Derby each query names the index it needs (in a comment, which PostgreSQL ignores).
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

    /** Times further apart than this in one batch are looked up as separate ranges. */
    static final long RUN_GAP_SECONDS = 600;

    /** sh_zone_event with the index for a hall's span of time (the primary key). */
    private final String byTime;
    /** sh_customer with its primary key. */
    private final String customers;
    /** sh_zone_event_account, the identifying events, with its primary key. */
    private final String byAccount;

    ZoneEventTable(Dialect dialect) {
        this.byTime = table(dialect, "sh_zone_event", "constraint=SH_ZONE_EVENT_PK");
        this.byAccount = table(dialect, "sh_zone_event_account", "constraint=SH_ZONE_EVENT_ACCOUNT_PK");
        this.customers = table(dialect, "sh_customer", "constraint=SH_CUSTOMER_PK");
    }

    private static String table(Dialect dialect, String table, String access) {
        return dialect == Dialect.DERBY ? table + " --DERBY-PROPERTIES " + access + "\n" : table + " ";
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
        try (PreparedStatement s = c.prepareStatement("SELECT account FROM " + customers + "WHERE account IN ("
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
     * The keys already stored among those of the events (all of one hall). The batch's times,
     * sorted, fall into runs no more than {@link #RUN_GAP_SECONDS} apart; each run is one range of
     * the primary key. A live batch is one run; a resent day or a jumble costs a few more.
     */
    Set<Key> storedKeys(Connection c, String hall, Collection<ZoneEvent> events) throws SQLException {
        Set<Key> wanted = new HashSet<>();
        List<Instant> times = new ArrayList<>();
        for (ZoneEvent e : events) {
            wanted.add(Key.of(e));
            times.add(e.at());
        }
        Collections.sort(times);
        Set<Key> stored = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT visitor, occurred_at, zone, kind FROM " + byTime
                + "WHERE hall = ? AND occurred_at >= ? AND occurred_at <= ?")) {
            int first = 0;
            for (int i = 1; i <= times.size(); i++) {
                if (i == times.size() || times.get(i).getEpochSecond() - times.get(i - 1).getEpochSecond() > RUN_GAP_SECONDS) {
                    s.setString(1, hall);
                    s.setTimestamp(2, Timestamp.from(times.get(first)));
                    s.setTimestamp(3, Timestamp.from(times.get(i - 1)));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Key key = new Key(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4));
                            if (wanted.contains(key)) {
                                stored.add(key);
                            }
                        }
                    }
                    first = i;
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
        insertIdentifying(c, hall, events);
    }

    /** Writes the account side of the events that carry an account (sh_zone_event_account). */
    static void insertIdentifying(Connection c, String hall, List<ZoneEvent> events) throws SQLException {
        List<ZoneEvent> identifying = events.stream().filter(e -> e.account() != null).toList();
        if (identifying.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_zone_event_account (account, occurred_at, hall,"
                + " visitor, zone, kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ZoneEvent e : identifying) {
                s.setString(1, e.account());
                s.setTimestamp(2, Timestamp.from(e.at()));
                s.setString(3, hall);
                s.setString(4, e.visitor());
                s.setString(5, e.zone());
                s.setString(6, e.kind());
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
        scan(c, "SELECT " + COLUMNS + " FROM " + byTime + "WHERE hall = ? AND occurred_at >= ? AND occurred_at < ?"
                + " AND visitor = ? ORDER BY occurred_at, zone, kind", sink, hall, from, to, visitor);
    }

    /**
     * The events that carry an account, from (inclusive) to (exclusive): hall, visitor, zone, kind
     * and time (their detail is not kept on the account side).
     */
    void scanAccount(Connection c, String account, Instant from, Instant to, Consumer<ZoneEvent> sink)
            throws SQLException {
        scan(c, "SELECT hall, visitor, occurred_at, zone, kind, account, CAST(NULL AS VARCHAR(40)) FROM " + byAccount
                + "WHERE account = ? AND occurred_at >= ? AND occurred_at < ?", sink, account, from, to);
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
