package org.smarthall.ingest.internal.zone;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.PostgresServer;

/** The real store, its schema migrated, on a fresh Derby or on a database of a test PostgreSQL server. */
final class TestDatabases {
    private TestDatabases() {
    }

    static DataSource derby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(Path.of("target", "derby", UUID.randomUUID().toString()).toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    static DataSource postgres(PostgresServer server, String database) {
        server.createDatabase(database);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.jdbcUrl(database));
        ds.setUser(server.user());
        return ds;
    }

    static DatabaseService store(DataSource dataSource) throws SQLException {
        return new DatabaseService(dataSource, new StoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public String dataSource_target() {
                return "(osgi.jndi.service.name=jdbc/smarthall)";
            }

            @Override
            public int healthTimeoutSeconds() {
                return 2;
            }
        });
    }
}
