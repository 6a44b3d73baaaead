package org.smarthall.ingest.internal.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A target table of an import, in the SQL both Derby and PostgreSQL speak: batched inserts,
 * batched updates by key, and the stored rows of a set of keys, looked up through a prefix of the
 * primary key: equality on its leading columns, then ranges for times (one per run of close
 * times) and for dense numbers (accounts of a sorted export), else an {@code IN} list. Derby is
 * told to probe the primary
 * key ({@code <table>_pk}): its optimizer otherwise keeps the table-scan plan it chose while the
 * table was empty, which turns every lookup into a scan.
 */
final class SqlTable {
    private static final int IN_CHUNK = 500;
    private static final java.time.Duration RUN_GAP = java.time.Duration.ofMinutes(10);

    final String name;
    final List<String> columns;
    private final int[] types;
    final int[] key;
    /** The primary-key prefix a lookup goes through: equality on all but the last, which is read by range or IN. */
    final int[] lookup;
    /** Columns written but not compared when deciding whether a master row changed. */
    final Set<Integer> notCompared;

    /**
     * @param typedColumns {@code name:TYPE} with TYPE one of VARCHAR, DECIMAL, DOUBLE, INTEGER,
     *                     BIGINT, SMALLINT, DATE, TIMESTAMP (for binding SQL NULL)
     */
    SqlTable(String name, List<String> typedColumns, List<String> key, List<String> lookup, List<String> notCompared) {
        this.name = name;
        List<String> columns = typedColumns.stream().map(c -> c.substring(0, c.indexOf(':'))).toList();
        this.columns = columns;
        this.types = typedColumns.stream().mapToInt(c -> sqlType(c.substring(c.indexOf(':') + 1))).toArray();
        this.key = key.stream().mapToInt(columns::indexOf).toArray();
        this.lookup = lookup.stream().mapToInt(columns::indexOf).toArray();
        this.notCompared = notCompared.stream().map(columns::indexOf).collect(Collectors.toSet());
        for (int k : this.key) {
            if (k < 0) {
                throw new IllegalArgumentException("key column missing in " + name);
            }
        }
    }

    private static int sqlType(String type) {
        return switch (type) {
            case "VARCHAR" -> Types.VARCHAR;
            case "DECIMAL" -> Types.DECIMAL;
            case "DOUBLE" -> Types.DOUBLE;
            case "INTEGER" -> Types.INTEGER;
            case "BIGINT" -> Types.BIGINT;
            case "SMALLINT" -> Types.SMALLINT;
            case "DATE" -> Types.DATE;
            case "TIMESTAMP" -> Types.TIMESTAMP;
            default -> throw new IllegalArgumentException("unknown SQL type " + type);
        };
    }

    /** The key of a row of column values. */
    List<Object> keyOf(Object[] row) {
        List<Object> k = new ArrayList<>(key.length);
        for (int i : key) {
            k.add(row[i]);
        }
        return k;
    }

    /** Stored rows among the keys of the given rows, by key. */
    Map<List<Object>, Object[]> stored(Connection c, Collection<Object[]> rows) throws SQLException {
        Set<List<Object>> wanted = rows.stream().map(this::keyOf).collect(Collectors.toSet());
        // the rows grouped by their leading lookup values, each group holding its last values sorted
        Map<List<Object>, java.util.TreeSet<Object>> groups = new HashMap<>();
        for (Object[] row : rows) {
            List<Object> prefix = new ArrayList<>(lookup.length - 1);
            for (int i = 0; i < lookup.length - 1; i++) {
                prefix.add(row[lookup[i]]);
            }
            groups.computeIfAbsent(prefix, p -> new java.util.TreeSet<>()).add(row[lookup[lookup.length - 1]]);
        }
        String hint = derby(c) ? "--DERBY-PROPERTIES constraint=" + name.toUpperCase(java.util.Locale.ROOT) + "_PK\n" : "";
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < lookup.length - 1; i++) {
            where.append(columns.get(lookup[i])).append(" = ? AND ");
        }
        String last = columns.get(lookup[lookup.length - 1]);
        int lastType = types[lookup[lookup.length - 1]];
        String select = "SELECT " + String.join(", ", columns) + " FROM " + name + " " + hint + "WHERE " + where;
        Map<List<Object>, Object[]> stored = new HashMap<>();
        for (Map.Entry<List<Object>, java.util.TreeSet<Object>> group : groups.entrySet()) {
            for (List<Object> chunk : chunks(new ArrayList<>(group.getValue()), lastType)) {
                boolean range = lastType == Types.TIMESTAMP || dense(chunk);
                String sql = select + (range ? last + " BETWEEN ? AND ?"
                        : last + " IN (" + chunk.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")");
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int p = 1;
                    for (int i = 0; i < lookup.length - 1; i++) {
                        bind(s, p++, group.getKey().get(i), types[lookup[i]]);
                    }
                    if (range) {
                        bind(s, p++, chunk.get(0), lastType);
                        bind(s, p, chunk.get(chunk.size() - 1), lastType);
                    } else {
                        for (Object value : chunk) {
                            bind(s, p++, value, lastType);
                        }
                    }
                    collect(s, wanted, stored);
                }
            }
        }
        return stored;
    }

    /**
     * Sorted values cut for lookups: times into runs no more than {@link #RUN_GAP} apart (each read
     * as one range), other values into lists of {@link #IN_CHUNK}.
     */
    private static List<List<Object>> chunks(List<Object> sorted, int type) {
        List<List<Object>> chunks = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            boolean cut = i == sorted.size() || (type == Types.TIMESTAMP
                    ? java.time.Duration.between((Instant) sorted.get(i - 1), (Instant) sorted.get(i)).compareTo(RUN_GAP) > 0
                    : i - first == IN_CHUNK);
            if (cut) {
                chunks.add(sorted.subList(first, i));
                first = i;
            }
        }
        return chunks;
    }

    private void collect(PreparedStatement s, Set<List<Object>> wanted, Map<List<Object>, Object[]> stored)
            throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = read(rs, i + 1);
                }
                List<Object> k = keyOf(row);
                if (wanted.contains(k)) {
                    stored.put(k, row);
                }
            }
        }
    }

    /**
     * Whether sorted values are numbers of one width spanning at most twice their count, so a
     * range reads little more than the rows asked for.
     */
    static boolean dense(List<Object> sorted) {
        if (sorted.size() < 2 || !(sorted.get(0) instanceof String first) || !(sorted.get(sorted.size() - 1) instanceof String end)
                || first.length() != end.length() || first.length() > 18) {
            return false;
        }
        for (Object v : sorted) {
            if (!(v instanceof String s) || s.length() != first.length() || !s.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return Long.parseLong(end) - Long.parseLong(first) + 1 <= 2L * sorted.size();
    }

    private static boolean derby(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("derby");
    }

    /** Whether a stored row differs from a new one in a compared column. */
    boolean differs(Object[] stored, Object[] fresh) {
        for (int i = 0; i < columns.size(); i++) {
            if (!notCompared.contains(i) && !same(stored[i], fresh[i])) {
                return true;
            }
        }
        return false;
    }

    void insert(Connection c, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(s, i + 1, row[i], types[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void update(Connection c, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> set = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            final int column = i;
            if (java.util.Arrays.stream(key).noneMatch(k -> k == column)) {
                set.add(i);
            }
        }
        String sql = "UPDATE " + name + " SET " + set.stream().map(i -> columns.get(i) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + java.util.Arrays.stream(key).mapToObj(i -> columns.get(i) + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                int p = 1;
                for (int i : set) {
                    bind(s, p++, row[i], types[i]);
                }
                for (int i : key) {
                    bind(s, p++, row[i], types[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void bind(PreparedStatement s, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            s.setNull(index, sqlType);
        } else if (value instanceof String v) {
            s.setString(index, v);
        } else if (value instanceof BigDecimal v) {
            s.setBigDecimal(index, v);
        } else if (value instanceof Double v) {
            s.setDouble(index, v);
        } else if (value instanceof Integer v) {
            s.setInt(index, v);
        } else if (value instanceof Long v) {
            s.setLong(index, v);
        } else if (value instanceof Boolean v) {
            s.setShort(index, (short) (v ? 1 : 0));
        } else if (value instanceof LocalDate v) {
            s.setDate(index, Date.valueOf(v));
        } else if (value instanceof Instant v) {
            s.setTimestamp(index, Timestamp.from(v));
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }

    /** A column value in the types the import produces. */
    private static Object read(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        return value;
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Boolean x && b instanceof Number y) {
            return (x ? 1 : 0) == y.intValue();
        }
        if (a instanceof Number x && b instanceof Boolean y) {
            return (y ? 1 : 0) == x.intValue();
        }
        return Objects.equals(a, b);
    }
}
