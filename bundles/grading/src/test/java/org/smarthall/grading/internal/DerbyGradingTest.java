package org.smarthall.grading.internal;

import javax.sql.DataSource;

import org.smarthall.testing.TestDatabases;

/** The grading engine on embedded Derby. */
class DerbyGradingTest extends GradingContract {
    @Override
    protected DataSource dataSource(String name) {
        return TestDatabases.derby();
    }
}
