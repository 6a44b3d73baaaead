package org.smarthall.ingest.internal.imports;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.smarthall.testing.PostgresServer;

/** The import contract on a real PostgreSQL server. */
class PostgresImportTest extends ImportContract {
    private PostgresServer server;

    @Override
    protected DataSource dataSource(String name) {
        server = PostgresServer.start();
        server.createDatabase(name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(server.jdbcUrl(name));
        ds.setUser(server.user());
        return ds;
    }

    @Override
    protected void release() {
        if (server != null) {
            server.close();
        }
    }
}
