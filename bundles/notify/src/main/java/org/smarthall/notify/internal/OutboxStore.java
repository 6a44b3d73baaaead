package org.smarthall.notify.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smarthall.api.notify.Notification;
import org.smarthall.api.notify.NotificationAttempt;
import org.smarthall.api.notify.NotificationQuery;
import org.smarthall.api.notify.NotificationState;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SQL of the outbox: plain JDBC on the store's DataSource or the caller's connection. Every
 * state change is guarded by the state (and the claim) it expects, so two nodes on one database
 * never both send a message and a late answer never overwrites a recovery.
 */
final class OutboxStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> PARAMETERS = new TypeReference<>() {
    };
    static final String COLUMNS = "message_id, idem_key, account, hall, purpose, req_channel, channel, address_masked,"
            + " template, parameters, body, urgent, need_consent, state, attempts, next_attempt, lease_until, owner,"
            + " provider_id, reason, created_at, updated_at, delivered_at";

    /** A message as stored. */
    record Row(String id, String idemKey, String account, String hall, String purpose, String requestedChannel,
            String channel, String addressMasked, String template, Map<String, String> parameters, String text,
            boolean urgent, boolean needConsent, NotificationState state, int attempts, Instant nextAttempt,
            Instant leaseUntil, String owner, String providerId, String reason, Instant createdAt, Instant updatedAt,
            Instant deliveredAt) {

        Notification toNotification() {
            return new Notification(id, idemKey, account, hall, purpose, requestedChannel, channel, addressMasked,
                    template, parameters, text, urgent, state, attempts, nextAttempt, providerId, reason, createdAt,
                    updatedAt, deliveredAt);
        }
    }

    private OutboxStore() {
    }

    static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_message (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.id());
            s.setString(2, r.idemKey());
            s.setString(3, r.account());
            s.setString(4, r.hall());
            s.setString(5, r.purpose());
            s.setString(6, r.requestedChannel());
            s.setString(7, r.channel());
            s.setString(8, r.addressMasked());
            s.setString(9, r.template());
            s.setString(10, json(r.parameters()));
            s.setString(11, r.text());
            s.setShort(12, (short) (r.urgent() ? 1 : 0));
            s.setShort(13, (short) (r.needConsent() ? 1 : 0));
            s.setString(14, r.state().name());
            s.setInt(15, r.attempts());
            s.setTimestamp(16, ts(r.nextAttempt()));
            s.setTimestamp(17, ts(r.leaseUntil()));
            s.setString(18, r.owner());
            s.setString(19, r.providerId());
            s.setString(20, r.reason());
            s.setTimestamp(21, ts(r.createdAt()));
            s.setTimestamp(22, ts(r.updatedAt()));
            s.setTimestamp(23, ts(r.deliveredAt()));
            s.executeUpdate();
        }
    }

    static Optional<Row> find(Connection c, String id) throws SQLException {
        return first(select(c, "WHERE message_id = ?", List.of(id), 1));
    }

    static Optional<Row> findByKey(Connection c, String idemKey) throws SQLException {
        return first(select(c, "WHERE idem_key = ?", List.of(idemKey), 1));
    }

    /** Messages of a state whose next look is due, oldest due first. */
    static List<Row> due(Connection c, NotificationState state, Instant now, int limit) throws SQLException {
        return select(c, "WHERE state = ? AND next_attempt <= ? ORDER BY next_attempt", List.of(state.name(), ts(now)),
                limit);
    }

    /** Messages caught sending whose claim ran out, or that a former run of this node claimed. */
    static List<Row> stale(Connection c, Instant now, String ownerPrefix, String currentOwner, int limit)
            throws SQLException {
        return select(c, "WHERE state = ? AND (lease_until < ? OR (owner LIKE ? AND owner <> ?))",
                List.of(NotificationState.SENDING.name(), ts(now), ownerPrefix + "%", currentOwner), limit);
    }

    static List<Row> list(Connection c, NotificationQuery q) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        filter(q, where, args);
        where.append(" ORDER BY created_at DESC, message_id");
        int limit = q.limit() <= 0 ? 50 : Math.min(q.limit(), 1000);
        where.append(" OFFSET ").append(Math.max(q.offset(), 0)).append(" ROWS");
        return select(c, where.toString(), args, limit);
    }

    static long count(Connection c, NotificationQuery q) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        filter(q, where, args);
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM sh_message " + where)) {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, (String) args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void filter(NotificationQuery q, StringBuilder where, List<Object> args) {
        and(where, args, "account = ?", q.account());
        and(where, args, "hall = ?", q.hall());
        and(where, args, "state = ?", q.state() == null ? null : q.state().name());
        and(where, args, "channel = ?", q.channel());
    }

    private static void and(StringBuilder where, List<Object> args, String condition, String value) {
        if (value != null) {
            where.append(where.length() == 0 ? "WHERE " : " AND ").append(condition);
            args.add(value);
        }
    }

    static Map<NotificationState, Long> counts(Connection c) throws SQLException {
        Map<NotificationState, Long> counts = new EnumMap<>(NotificationState.class);
        for (NotificationState s : NotificationState.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM sh_message GROUP BY state");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(NotificationState.valueOf(r.getString(1)), r.getLong(2));
            }
        }
        return counts;
    }

    /**
     * Takes a pending message for sending: one more attempt on this channel, leased to this node.
     * False when another node (or an earlier loop) took or changed it first.
     */
    static boolean claim(Connection c, Row r, String channel, String addressMasked, Instant leaseUntil, String owner,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sh_message SET state = ?, channel = ?, address_masked = ?,"
                + " attempts = attempts + 1, lease_until = ?, owner = ?, updated_at = ?"
                + " WHERE message_id = ? AND state = ? AND attempts = ?")) {
            s.setString(1, NotificationState.SENDING.name());
            s.setString(2, channel);
            s.setString(3, addressMasked);
            s.setTimestamp(4, ts(leaseUntil));
            s.setString(5, owner);
            s.setTimestamp(6, ts(now));
            s.setString(7, r.id());
            s.setString(8, NotificationState.PENDING.name());
            s.setInt(9, r.attempts());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Moves a message on from the state it is expected in. {@code attempts} null keeps the count;
     * {@code owner} null does not check the claim.
     */
    static boolean move(Connection c, String id, NotificationState from, String owner, NotificationState to,
            Integer attempts, Instant nextAttempt, String providerId, String reason, Instant deliveredAt, Instant now)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE sh_message SET state = ?, next_attempt = ?, reason = ?,"
                + " updated_at = ?, lease_until = NULL");
        if (attempts != null) {
            sql.append(", attempts = ?");
        }
        if (providerId != null) {
            sql.append(", provider_id = ?");
        }
        if (deliveredAt != null) {
            sql.append(", delivered_at = ?");
        }
        sql.append(" WHERE message_id = ? AND state = ?");
        if (owner != null) {
            sql.append(" AND owner = ?");
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, to.name());
            s.setTimestamp(i++, ts(nextAttempt));
            s.setString(i++, clip(reason, 1000));
            s.setTimestamp(i++, ts(now));
            if (attempts != null) {
                s.setInt(i++, attempts);
            }
            if (providerId != null) {
                s.setString(i++, clip(providerId, 120));
            }
            if (deliveredAt != null) {
                s.setTimestamp(i++, ts(deliveredAt));
            }
            s.setString(i++, id);
            s.setString(i++, from.name());
            if (owner != null) {
                s.setString(i++, owner);
            }
            return s.executeUpdate() == 1;
        }
    }

    /** The next time to ask for an accepted message's receipt; null to stop asking. */
    static void receiptDue(Connection c, String id, Instant next, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE sh_message SET next_attempt = ?, updated_at = ? WHERE message_id = ? AND state = ?")) {
            s.setTimestamp(1, ts(next));
            s.setTimestamp(2, ts(now));
            s.setString(3, id);
            s.setString(4, NotificationState.ACCEPTED.name());
            s.executeUpdate();
        }
    }

    static void addAttempt(Connection c, String id, int attempt, Instant at, String channel, String outcome,
            String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_message_attempt (message_id, attempt, occurred_at,"
                + " channel, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setInt(2, attempt);
            s.setTimestamp(3, ts(at));
            s.setString(4, channel);
            s.setString(5, outcome);
            s.setString(6, clip(detail, 1000));
            s.executeUpdate();
        }
    }

    static List<NotificationAttempt> attempts(Connection c, String id) throws SQLException {
        List<NotificationAttempt> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT attempt, occurred_at, channel, outcome, detail"
                + " FROM sh_message_attempt WHERE message_id = ? ORDER BY attempt_id")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new NotificationAttempt(r.getInt(1), instant(r.getTimestamp(2)), r.getString(3),
                            r.getString(4), r.getString(5)));
                }
            }
        }
        return out;
    }

    private static List<Row> select(Connection c, String where, List<Object> args, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sh_message " + where
                + " FETCH NEXT " + limit + " ROWS ONLY")) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Timestamp t) {
                    s.setTimestamp(i + 1, t);
                } else {
                    s.setString(i + 1, (String) a);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    private static Row row(ResultSet r) throws SQLException {
        Map<String, String> parameters;
        try {
            parameters = JSON.readValue(r.getString(10), PARAMETERS);
        } catch (IOException e) {
            throw new SQLException("message " + r.getString(1) + " has unreadable parameters", e);
        }
        return new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), parameters, r.getString(11), r.getShort(12) == 1,
                r.getShort(13) == 1, NotificationState.valueOf(r.getString(14)), r.getInt(15),
                instant(r.getTimestamp(16)), instant(r.getTimestamp(17)), r.getString(18), r.getString(19),
                r.getString(20), instant(r.getTimestamp(21)), instant(r.getTimestamp(22)), instant(r.getTimestamp(23)));
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
