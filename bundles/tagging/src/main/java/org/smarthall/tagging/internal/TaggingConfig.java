package org.smarthall.tagging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall tag engine",
        description = "How tagging runs read the customer base. The themes' own rules are in their own configurations.")
public @interface TaggingConfig {

    @AttributeDefinition(name = "Customers per partition",
            description = "Customers read, tagged and committed together; a run killed midway resumes at its first uncommitted partition.",
            min = "100", max = "100000")
    int partitionSize() default 5000;

    @AttributeDefinition(name = "Months of history", description = "Whole months before the run's as-of month that themes see.",
            min = "1", max = "36")
    int months() default 12;
}
