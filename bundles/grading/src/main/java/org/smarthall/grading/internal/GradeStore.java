package org.smarthall.grading.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smarthall.api.customer.CustomerSnapshots.AccountRange;
import org.smarthall.api.grading.CustomerGrade;
import org.smarthall.api.grading.GradeCount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The SQL of grading: runs with their parameters and quality, and every customer's current grade per model. */
final class GradeStore {
    private static final int BATCH = 500;
    private static final int REASON_MAX = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run as stored. */
    record RunRow(long id, String model, String modelVersion, LocalDate asOf, String parameters, String quality,
            long population, Instant created) {
        Map<String, Object> parameterMap() {
            return read(parameters, new TypeReference<Map<String, Object>>() { });
        }

        Map<String, Double> qualityMap() {
            return read(quality, new TypeReference<Map<String, Double>>() { });
        }
    }

    private GradeStore() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a model's parameters must be plain JSON values: " + e.getMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run is not JSON: " + e.getMessage(), e);
        }
    }

    static void insertRun(Connection c, RunRow run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_grade_run (run_id, model, model_version, as_of,"
                + " parameters, quality, population, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, run.id());
            s.setString(2, run.model());
            s.setString(3, run.modelVersion());
            s.setDate(4, Date.valueOf(run.asOf()));
            s.setString(5, run.parameters());
            s.setString(6, run.quality());
            s.setLong(7, run.population());
            s.setTimestamp(8, Timestamp.from(run.created()));
            s.executeUpdate();
        }
    }

    static Optional<RunRow> run(Connection c, long id) throws SQLException {
        List<RunRow> rows = runs(c, "run_id = ?", id, 0, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static List<RunRow> runs(Connection c, String model, int offset, int limit) throws SQLException {
        return runs(c, "model = ?", model, offset, limit);
    }

    private static List<RunRow> runs(Connection c, String where, Object key, int offset, int limit) throws SQLException {
        List<RunRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, model, model_version, as_of, parameters, quality,"
                + " population, created_at FROM sh_grade_run WHERE " + where + " ORDER BY run_id DESC")) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                int skipped = 0;
                while (rs.next() && rows.size() < limit) {
                    if (skipped++ < offset) {
                        continue;
                    }
                    rows.add(new RunRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return rows;
    }

    /** Replaces the grades of one model for the customers of a range. */
    static void replace(Connection c, String model, AccountRange range, List<CustomerGrade> grades) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sh_grade WHERE model = ? AND account >= ?"
                + (range.to() == null ? "" : " AND account < ?"))) {
            s.setString(1, model);
            s.setString(2, range.from());
            if (range.to() != null) {
                s.setString(3, range.to());
            }
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_grade (model, account, grade, score, reason, run_id,"
                + " model_version, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (CustomerGrade g : grades) {
                s.setString(1, g.model());
                s.setString(2, g.account());
                s.setString(3, g.grade());
                if (g.score() != null && Double.isFinite(g.score())) {
                    s.setDouble(4, g.score());
                } else {
                    s.setNull(4, java.sql.Types.DOUBLE);
                }
                s.setString(5, g.reason().length() <= REASON_MAX ? g.reason() : g.reason().substring(0, REASON_MAX - 1) + "…");
                s.setLong(6, g.runId());
                s.setString(7, g.modelVersion());
                s.setTimestamp(8, Timestamp.from(g.gradedAt()));
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

    static List<CustomerGrade> ofCustomer(Connection c, String account) throws SQLException {
        return grades(c, "account = ? ORDER BY model", List.of(account), 0, Integer.MAX_VALUE);
    }

    static List<CustomerGrade> ranking(Connection c, String model, String grade, int offset, int limit)
            throws SQLException {
        return grade == null
                ? grades(c, "model = ? ORDER BY score DESC, account", List.of(model), offset, limit)
                : grades(c, "model = ? AND grade = ? ORDER BY score DESC, account", List.of(model, grade), offset, limit);
    }

    private static List<CustomerGrade> grades(Connection c, String where, List<String> params, int offset, int limit)
            throws SQLException {
        List<CustomerGrade> grades = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT account, model, model_version, grade, score, reason, run_id,"
                + " graded_at FROM sh_grade WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                s.setString(i + 1, params.get(i));
            }
            s.setMaxRows(offset + Math.min(limit, 100_000));
            try (ResultSet rs = s.executeQuery()) {
                int skipped = 0;
                while (rs.next() && grades.size() < limit) {
                    if (skipped++ < offset) {
                        continue;
                    }
                    double score = rs.getDouble(5);
                    grades.add(new CustomerGrade(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.wasNull() ? null : score, rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return grades;
    }

    static List<GradeCount> distribution(Connection c, String model) throws SQLException {
        List<GradeCount> counts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT grade, model_version, COUNT(*) FROM sh_grade WHERE model = ?"
                + " GROUP BY grade, model_version ORDER BY grade, model_version")) {
            s.setString(1, model);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.add(new GradeCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return counts;
    }
}
