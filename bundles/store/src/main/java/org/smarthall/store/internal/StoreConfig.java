package org.smarthall.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall store",
        description = "Which DataSource SmartHall uses. The DataSource itself is configured in "
                + "etc/org.ops4j.datasource-smarthall.cfg (Derby embedded by default, PostgreSQL by editing that file).")
public @interface StoreConfig {

    @AttributeDefinition(name = "DataSource filter",
            description = "LDAP filter selecting the DataSource service (pax-jdbc registers it with osgi.jndi.service.name).")
    String dataSource_target() default "(osgi.jndi.service.name=jdbc/smarthall)";

    @AttributeDefinition(name = "Health check timeout (s)", description = "How long the health check waits for the database.")
    int healthTimeoutSeconds() default 2;
}
