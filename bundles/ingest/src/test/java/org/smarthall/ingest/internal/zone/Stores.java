package org.smarthall.ingest.internal.zone;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;

/** The real store, its schema migrated, on a test database. */
final class Stores {
    private Stores() {
    }

    static DatabaseService store(DataSource dataSource) throws SQLException {
        return new DatabaseService(dataSource, Annotations.of(StoreConfig.class));
    }
}
