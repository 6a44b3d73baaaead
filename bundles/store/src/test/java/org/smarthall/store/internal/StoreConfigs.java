package org.smarthall.store.internal;

import java.lang.annotation.Annotation;

final class StoreConfigs {
    private StoreConfigs() {
    }

    static StoreConfig defaults() {
        return new StoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public String dataSource_target() {
                return "(osgi.jndi.service.name=jdbc/smarthall)";
            }

            @Override
            public int healthTimeoutSeconds() {
                return 2;
            }
        };
    }
}
