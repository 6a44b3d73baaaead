package org.smarthall.ingest.internal.zone;

import java.util.Map;

import org.smarthall.testing.Annotations;

final class HallsConfigs {
    private HallsConfigs() {
    }

    static HallsConfig of(String timeZone, int visitGapMinutes, int maxBatch) {
        return Annotations.of(HallsConfig.class, Map.of("timeZone", timeZone, "visitGapMinutes", visitGapMinutes,
                "maxBatch", maxBatch));
    }

    /** As shipped in etc/org.smarthall.halls.cfg. */
    static HallsConfig defaults() {
        return Annotations.of(HallsConfig.class);
    }
}
