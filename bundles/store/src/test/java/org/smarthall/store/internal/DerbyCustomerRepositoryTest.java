package org.smarthall.store.internal;

import javax.sql.DataSource;

class DerbyCustomerRepositoryTest extends CustomerRepositoryContract {
    @Override
    protected DataSource createDataSource() {
        return StoreFixture.derby();
    }
}
