package org.smarthall.store.internal;

import javax.sql.DataSource;

class DerbyJobRepositoryTest extends JobRepositoryContract {
    @Override
    protected DataSource createDataSource() {
        return StoreFixture.derby();
    }
}
