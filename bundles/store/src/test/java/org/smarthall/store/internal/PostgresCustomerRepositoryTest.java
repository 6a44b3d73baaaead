package org.smarthall.store.internal;

import javax.sql.DataSource;

import org.smarthall.testing.PostgresServer;

class PostgresCustomerRepositoryTest extends CustomerRepositoryContract {
    private PostgresServer server;

    @Override
    protected DataSource createDataSource() {
        server = PostgresServer.start();
        return StoreFixture.postgres(server, "customers");
    }

    @Override
    protected void releaseDataSource() {
        if (server != null) {
            server.close();
        }
    }
}
