package org.smarthall.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to the newest migration this bundle carries. Each migration runs once, in
 * its own transaction, and is recorded in {@code sh_schema_version}; the version table is locked
 * while migrating so that two nodes starting on one PostgreSQL do not both apply a migration.
 */
final class SchemaMigrator {
    static final String INDEX = "db/migration/INDEX";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final ClassLoader resources;

    SchemaMigrator(ClassLoader resources) {
        this.resources = resources;
    }

    record Migration(int version, String description, String resource) {
    }

    /** The migrations listed in the index, in order. */
    List<Migration> migrations() {
        List<Migration> list = new ArrayList<>();
        for (String line : readLines(INDEX)) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("bad migration name in " + INDEX + ": " + name);
            }
            int version = Integer.parseInt(m.group(1));
            if (!list.isEmpty() && list.get(list.size() - 1).version() >= version) {
                throw new IllegalStateException("migrations out of order in " + INDEX + " at " + name);
            }
            list.add(new Migration(version, m.group(2).replace('_', ' '), "db/migration/" + name));
        }
        return list;
    }

    /** Applies what is missing; returns the schema version afterwards. */
    int migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            int current = currentVersion(c);
            for (Migration migration : migrations()) {
                if (migration.version() <= current) {
                    continue;
                }
                c.setAutoCommit(false);
                try (Statement lock = c.createStatement()) {
                    lock.execute("LOCK TABLE sh_schema_version IN EXCLUSIVE MODE");
                    // another node may have applied it while we waited for the lock
                    if (currentVersion(c) >= migration.version()) {
                        c.commit();
                        continue;
                    }
                    for (String sql : statements(migration.resource())) {
                        lock.execute(sql);
                    }
                    try (PreparedStatement record = c.prepareStatement(
                            "INSERT INTO sh_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        record.setInt(1, migration.version());
                        record.setString(2, migration.description());
                        record.setTimestamp(3, Timestamp.from(Instant.now()));
                        record.executeUpdate();
                    }
                    c.commit();
                    LOG.info("Schema migrated to version {} ({})", migration.version(), migration.description());
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw new SQLException("migration " + migration.resource() + " failed: " + e.getMessage(), e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return currentVersion(c);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (tableExists(c, "sh_schema_version")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sh_schema_version (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            // a second node created it in between: fine
            if (!tableExists(c, "sh_schema_version")) {
                throw e;
            }
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM sh_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Statements of a script: comments dropped, split at a ';' that ends a line. */
    List<String> statements(String resource) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : readLines(resource)) {
            String stripped = line.strip();
            if (stripped.startsWith("--") || stripped.isEmpty()) {
                continue;
            }
            if (stripped.endsWith(";")) {
                current.append(stripped, 0, stripped.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(stripped).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(resource + " ends without ';'");
        }
        return statements;
    }

    private List<String> readLines(String resource) {
        try (InputStream in = resources.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
