package org.smarthall.testing;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Empty databases for tests: a fresh embedded Derby, or a new database on a test PostgreSQL server. */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A new embedded Derby database under {@code target/derby}. */
    public static EmbeddedDataSource derby() {
        return derby(Path.of("target", "derby", UUID.randomUUID().toString()));
    }

    public static EmbeddedDataSource derby(Path directory) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(directory.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** A new database of that name on the server. */
    public static DataSource postgres(PostgresServer server, String database) {
        server.createDatabase(database);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.jdbcUrl(database));
        ds.setUser(server.user());
        return ds;
    }
}
