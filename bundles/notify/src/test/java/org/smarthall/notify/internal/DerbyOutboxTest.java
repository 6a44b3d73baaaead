package org.smarthall.notify.internal;

import javax.sql.DataSource;

import org.smarthall.testing.TestDatabases;

/** The outbox on embedded Derby. */
class DerbyOutboxTest extends OutboxContract {
    @Override
    protected DataSource dataSource(String name) {
        return TestDatabases.derby();
    }
}
