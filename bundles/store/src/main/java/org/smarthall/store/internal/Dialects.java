package org.smarthall.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.smarthall.api.store.Dialect;

final class Dialects {
    private Dialects() {
    }

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return Dialect.DERBY;
        }
        if (product.contains("postgres")) {
            return Dialect.POSTGRESQL;
        }
        throw new SQLException("unsupported database: " + c.getMetaData().getDatabaseProductName()
                + " (SmartHall runs on Apache Derby and PostgreSQL)");
    }
}
