package org.smarthall.ingest.internal.zone;

import javax.sql.DataSource;

import org.smarthall.testing.PostgresServer;
import org.smarthall.testing.TestDatabases;

/** The hall activity contract on a real PostgreSQL server (Debian's), started for this class. */
class PostgresHallActivityTest extends HallActivityContract {
    private PostgresServer server;

    @Override
    protected DataSource createDataSource() {
        server = PostgresServer.start();
        return TestDatabases.postgres(server, "halls");
    }

    @Override
    protected void releaseDataSource() {
        if (server != null) {
            server.close();
        }
    }
}
