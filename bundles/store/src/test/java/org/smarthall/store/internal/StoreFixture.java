package org.smarthall.store.internal;

import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.PostgresServer;
import org.smarthall.testing.TestDatabases;

/** Real databases for the store's tests, and the persistence unit on them as Aries JPA would build it. */
final class StoreFixture {
    private StoreFixture() {
    }

    static EmbeddedDataSource derby() {
        return TestDatabases.derby();
    }

    static DataSource postgres(PostgresServer server, String database) {
        return TestDatabases.postgres(server, database);
    }

    /** The store's configuration as shipped. */
    static StoreConfig config() {
        return Annotations.of(StoreConfig.class);
    }

    /** The persistence unit of META-INF/persistence.xml on the given DataSource instead of the OSGi service. */
    static EntityManagerFactory entityManagerFactory(DataSource ds) {
        return Persistence.createEntityManagerFactory("smarthall", Map.of(
                "javax.persistence.nonJtaDataSource", ds,
                "eclipselink.logging.level", "WARNING"));
    }
}
