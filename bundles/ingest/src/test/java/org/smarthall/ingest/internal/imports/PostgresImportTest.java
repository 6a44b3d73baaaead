package org.smarthall.ingest.internal.imports;

import javax.sql.DataSource;

import org.smarthall.testing.PostgresServer;
import org.smarthall.testing.TestDatabases;

/** The import contract on a real PostgreSQL server. */
class PostgresImportTest extends ImportContract {
    private PostgresServer server;

    @Override
    protected DataSource dataSource(String name) {
        server = PostgresServer.start();
        return TestDatabases.postgres(server, name);
    }

    @Override
    protected void release() {
        if (server != null) {
            server.close();
        }
    }
}
