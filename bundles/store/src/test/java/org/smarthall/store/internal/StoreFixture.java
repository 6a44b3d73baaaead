package org.smarthall.store.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.smarthall.testing.PostgresServer;

/** Real databases for the store's tests, and the persistence unit on them as Aries JPA would build it. */
final class StoreFixture {
    private StoreFixture() {
    }

    static EmbeddedDataSource derby() {
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

    /** The persistence unit of META-INF/persistence.xml on the given DataSource instead of the OSGi service. */
    static EntityManagerFactory entityManagerFactory(DataSource ds) {
        return Persistence.createEntityManagerFactory("smarthall", Map.of(
                "javax.persistence.nonJtaDataSource", ds,
                "eclipselink.logging.level", "WARNING"));
    }
}
