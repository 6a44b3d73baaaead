package org.smarthall.grade.trips.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the trip classes start; see {@link TripGrader} for the rules. */
@ObjectClassDefinition(name = "SmartHall grading model: prepaid trips",
        description = "Grades prepaid residents normal, occasional or frequent by the meter trips (balance below 10 yuan)"
                + " in the 12 months before the grading date (seed 003). Changes apply to the next grading run.")
public @interface TripsConfig {

    @AttributeDefinition(name = "Occasional from (trips)",
            description = "This many trips in 12 months or more make an occasional tripper (ask consent, remind after"
                    + " subscription); fewer, normal (no push at all). At least 1.")
    int occasionalFrom() default 1;

    @AttributeDefinition(name = "Frequent from (trips)",
            description = "This many trips in 12 months or more make a frequent tripper (push directly when the balance"
                    + " is below 20 yuan). Above 'Occasional from'.")
    int frequentFrom() default 2;
}
