package org.smarthall.notify.internal;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.smarthall.testing.PostgresServer;
import org.smarthall.testing.TestDatabases;

/** The outbox on a real PostgreSQL server: one server for the class, a new database per test. */
class PostgresOutboxTest extends OutboxContract {
    private static PostgresServer server;

    @Override
    protected DataSource dataSource(String name) {
        if (server == null) {
            server = PostgresServer.start();
        }
        return TestDatabases.postgres(server, name);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
