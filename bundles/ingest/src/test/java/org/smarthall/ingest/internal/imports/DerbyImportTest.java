package org.smarthall.ingest.internal.imports;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.smarthall.testing.TestDatabases;

class DerbyImportTest extends ImportContract {
    @Override
    protected DataSource dataSource(String name) {
        return TestDatabases.derby(Path.of("target", "derby", name + "-" + UUID.randomUUID()));
    }
}
