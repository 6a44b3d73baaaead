package org.smarthall.store.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.store.Database;

/**
 * Reports the store DOWN while the database is missing (no DataSource, a failed migration), and
 * otherwise whether it answers.
 */
@Component(service = HealthCheck.class)
public class StoreHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Result check() {
        Database db = database;
        if (db instanceof DatabaseService service) {
            return service.check();
        }
        return db == null
                ? Result.down("database not ready: DataSource missing or schema migration failed (see the log)")
                : Result.up(db.dialect() + " schema v" + db.schemaVersion());
    }
}
