package org.smarthall.grading.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall grading engine",
        description = "How grading runs read the customer base. Each model's own settings are in its own configuration.")
public @interface GradingConfig {

    @AttributeDefinition(name = "Customers per partition",
            description = "Customers graded and committed together; a run killed midway resumes at its first uncommitted partition.",
            min = "100", max = "100000")
    int partitionSize() default 5000;

    @AttributeDefinition(name = "Months of history", description = "Whole months before the run's as-of month that models see.",
            min = "1", max = "36")
    int months() default 12;
}
