package org.smarthall.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {
    private final SchemaMigrator migrator = new SchemaMigrator(getClass().getClassLoader());

    @Test
    void migratingTwiceAppliesEachMigrationOnce() throws SQLException {
        EmbeddedDataSource ds = StoreFixture.derby();
        int first = migrator.migrate(ds);
        int second = migrator.migrate(ds);

        assertEquals(first, second);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sh_schema_version")) {
            rs.next();
            assertEquals(migrator.migrations().size(), rs.getInt(1));
            assertTrue(SchemaMigrator.tableExists(c, "sh_job_partition"));
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        List<String> statements = migrator.statements("db/migration/V001__jobs.sql");
        assertTrue(statements.size() >= 4);
        statements.forEach(sql -> {
            assertFalse(sql.contains("--"), sql);
            assertFalse(sql.endsWith(";"), sql);
        });
    }
}
