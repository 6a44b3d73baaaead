package org.smarthall.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall demo province",
        description = "A synthetic province generated from a seed and imported on the first start with an empty store. "
                + "Demo data only: invented customers with valid-looking identity numbers and phones.")
public @interface DemoConfig {

    @AttributeDefinition(name = "Load on first boot",
            description = "Generate and import the demo province when the store has no customers yet.")
    boolean loadOnFirstBoot() default true;

    @AttributeDefinition(name = "Residents", description = "Residents, prepaid and post-paid; enterprises (1 per 50) "
            + "and government bodies (1 per 400) are added in proportion.", min = "1000", max = "5000000")
    int residents() default GeneratorSettings.DEFAULT_RESIDENTS;

    @AttributeDefinition(name = "Halls", description = "Halls with zone events.", min = "1", max = "20")
    int halls() default GeneratorSettings.DEFAULT_HALLS;

    @AttributeDefinition(name = "Seed", description = "The same seed gives the same province.")
    long seed() default GeneratorSettings.DEFAULT_SEED;

    @AttributeDefinition(name = "Days of zone events", description = "Days of zone events per hall, ending at the last "
            + "day of the data (the last day of the previous month).", min = "1", max = "365")
    int eventDays() default GeneratorSettings.DEFAULT_EVENT_DAYS;

    @AttributeDefinition(name = "Tag after load", description = "When the demo's imports have all succeeded, start "
            + "one full tagging run as of the last day of the data, so that the customer view shows tags at once "
            + "(needs the tagging feature; once per demo install).")
    boolean tagAfterLoad() default true;
}
