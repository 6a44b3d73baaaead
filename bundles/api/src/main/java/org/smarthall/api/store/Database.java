package org.smarthall.api.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The SmartHall database with its schema migrated to the version this store bundle knows.
 * The service is registered only once the migrations have run, so holding a reference means
 * the tables exist.
 */
@ProviderType
public interface Database {

    DataSource dataSource();

    Dialect dialect();

    /** Highest schema migration applied. */
    int schemaVersion();

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     */
    <T> T inTransaction(SqlWork<T> work) throws SQLException;

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
