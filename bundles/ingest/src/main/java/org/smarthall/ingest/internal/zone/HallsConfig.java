package org.smarthall.ingest.internal.zone;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall hall activity",
        description = "Zone events of the halls, the visits rebuilt from them and the zones' heat.")
public @interface HallsConfig {
    /** Configuration PID, shipped as etc/org.smarthall.halls.cfg. */
    String PID = "org.smarthall.halls";

    @AttributeDefinition(name = "Time zone",
            description = "The halls' time zone (a tz database id): visit days and heat hours are in it.")
    String timeZone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Visit gap (min)",
            description = "A visitor unseen for longer than this has left: the next event starts a new visit.",
            min = "1", max = "1440")
    int visitGapMinutes() default 60;

    @AttributeDefinition(name = "Largest batch",
            description = "Most zone events POST /halls/{hall}/zone-events accepts in one request.", min = "1",
            max = "1000000")
    int maxBatch() default 10000;
}
