package org.smarthall.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.store.Database;
import org.smarthall.api.store.Dialect;

/**
 * The database, migrated. Registered only after the migrations ran, so every consumer of
 * {@link Database} finds the tables in place.
 */
@Component(service = Database.class, configurationPid = "org.smarthall.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public class DatabaseService implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final int schemaVersion;
    private final int healthTimeoutSeconds;

    @Activate
    public DatabaseService(@Reference(name = "dataSource") DataSource dataSource, StoreConfig config)
            throws SQLException {
        this.dataSource = dataSource;
        this.healthTimeoutSeconds = config.healthTimeoutSeconds();
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialects.of(c);
        }
        this.schemaVersion = new SchemaMigrator(DatabaseService.class.getClassLoader()).migrate(dataSource);
        LOG.info("SmartHall store ready on {} at schema version {}", dialect, schemaVersion);
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return Transactions.inTransaction(dataSource, work);
    }

    /** Whether the database answers within the configured timeout. */
    HealthCheck.Result check() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(healthTimeoutSeconds)
                    ? HealthCheck.Result.up(dialect + " schema v" + schemaVersion)
                    : HealthCheck.Result.down("database did not answer within " + healthTimeoutSeconds + " s");
        } catch (SQLException | RuntimeException e) {
            return HealthCheck.Result.down("database unreachable: " + e.getMessage());
        }
    }
}
