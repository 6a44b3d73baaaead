package org.smarthall.ingest.internal.zone;

import javax.sql.DataSource;

import org.smarthall.testing.TestDatabases;

class DerbyHallActivityTest extends HallActivityContract {
    @Override
    protected DataSource createDataSource() {
        return TestDatabases.derby();
    }
}
