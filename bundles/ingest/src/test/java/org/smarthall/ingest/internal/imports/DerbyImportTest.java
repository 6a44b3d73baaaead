package org.smarthall.ingest.internal.imports;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

class DerbyImportTest extends ImportContract {
    @Override
    protected DataSource dataSource(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(Path.of("target", "derby", name + "-" + UUID.randomUUID()).toString());
        ds.setCreateDatabase("create");
        return ds;
    }
}
