package org.smarthall.store.internal;

import javax.sql.DataSource;

import org.smarthall.testing.PostgresServer;

/** The repository contract on a real PostgreSQL server (Debian's), started for this class. */
class PostgresJobRepositoryTest extends JobRepositoryContract {
    private PostgresServer server;

    @Override
    protected DataSource createDataSource() {
        server = PostgresServer.start();
        return StoreFixture.postgres(server, "jobs");
    }

    @Override
    protected void releaseDataSource() {
        if (server != null) {
            server.close();
        }
    }
}
