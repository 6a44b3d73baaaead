package org.smarthall.ingest.internal.zone;

import javax.sql.DataSource;

class DerbyHallActivityTest extends HallActivityContract {
    @Override
    protected DataSource createDataSource() {
        return TestDatabases.derby();
    }
}
