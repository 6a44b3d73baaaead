package org.smarthall.tagging.internal;

import javax.sql.DataSource;

import org.smarthall.testing.TestDatabases;

/** The tag engine on embedded Derby. */
class DerbyTaggingTest extends TaggingContract {
    @Override
    protected DataSource dataSource(String name) {
        return TestDatabases.derby();
    }
}
