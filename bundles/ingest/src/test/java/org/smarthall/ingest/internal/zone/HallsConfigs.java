package org.smarthall.ingest.internal.zone;

import java.lang.annotation.Annotation;

final class HallsConfigs {
    private HallsConfigs() {
    }

    static HallsConfig of(String timeZone, int visitGapMinutes, int maxBatch) {
        return new HallsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HallsConfig.class;
            }

            @Override
            public String timeZone() {
                return timeZone;
            }

            @Override
            public int visitGapMinutes() {
                return visitGapMinutes;
            }

            @Override
            public int maxBatch() {
                return maxBatch;
            }
        };
    }

    /** As shipped in etc/org.smarthall.halls.cfg. */
    static HallsConfig defaults() {
        return of("Asia/Shanghai", 60, 10000);
    }
}
