package org.smarthall.tag.feerisk.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Thresholds and weights of the fee-risk points score; see {@link FeeRiskAssessor} for the scale. */
@ObjectClassDefinition(name = "SmartHall tag theme: fee risk",
        description = "Tags every customer high, medium or low fee risk from a 0-100 points score over the 12 months"
                + " before the tagging date. Changes apply to the next tagging run.")
public @interface FeeRiskConfig {

    @AttributeDefinition(name = "High risk from (points)",
            description = "A score at or above this is high risk. 1 to 100, above the medium threshold.")
    int highThreshold() default 60;

    @AttributeDefinition(name = "Medium risk from (points)",
            description = "A score at or above this (and below the high threshold) is medium risk; below it, low.")
    int mediumThreshold() default 30;

    @AttributeDefinition(name = "Grace days",
            description = "A bill paid this many days after its due date or fewer does not count as late.")
    int graceDays() default 5;

    @AttributeDefinition(name = "Points per late bill",
            description = "Post-paid: points for each bill paid (or still unpaid) more than the grace days after its due date.")
    int pointsPerLateBill() default 6;

    @AttributeDefinition(name = "Late bills: most points", description = "Post-paid: cap on the points for late bills.")
    int lateBillsMaxPoints() default 30;

    @AttributeDefinition(name = "Longest delay: most points",
            description = "Post-paid: points for the longest delay, in proportion to it, reached at 'Longest delay: days for"
                    + " the most points'.")
    int maxLateDaysPoints() default 20;

    @AttributeDefinition(name = "Longest delay: days for the most points",
            description = "Post-paid: a delay of this many days or more earns all the longest-delay points.")
    int lateDaysForFullPoints() default 60;

    @AttributeDefinition(name = "Points per month in arrears",
            description = "Post-paid: points for each bill past its due date and not paid in full on the tagging date.")
    int pointsPerArrearsMonth() default 10;

    @AttributeDefinition(name = "Arrears: most points", description = "Post-paid: cap on the points for months in arrears.")
    int arrearsMaxPoints() default 30;

    @AttributeDefinition(name = "Points per mean bill outstanding",
            description = "Post-paid: points for the amount outstanding, per mean monthly bill it amounts to"
                    + " (half a mean bill earns half).")
    int pointsPerOutstandingBill() default 10;

    @AttributeDefinition(name = "Outstanding: most points", description = "Post-paid: cap on the points for the amount outstanding.")
    int outstandingMaxPoints() default 20;

    @AttributeDefinition(name = "Steep rise of bills (%)",
            description = "Post-paid: the mean of the 3 latest monthly bills this many percent or more above the mean of the"
                    + " bills before them earns the trend points.")
    int trendRisePercent() default 50;

    @AttributeDefinition(name = "Points for a steep rise", description = "Post-paid: points when the bills rose steeply.")
    int trendPoints() default 10;

    @AttributeDefinition(name = "Points per meter trip",
            description = "Prepaid: points for each time the meter cut the supply (balance below 10 yuan).")
    int pointsPerTrip() default 15;

    @AttributeDefinition(name = "Trips: most points", description = "Prepaid: cap on the points for meter trips.")
    int tripsMaxPoints() default 60;

    @AttributeDefinition(name = "Points per failed recharge", description = "Prepaid: points for each failed purchase attempt.")
    int pointsPerFailedRecharge() default 5;

    @AttributeDefinition(name = "Failed recharges: most points", description = "Prepaid: cap on the points for failed recharges.")
    int failedRechargesMaxPoints() default 15;

    @AttributeDefinition(name = "Frequent trips",
            description = "Prepaid: this many meter trips or more make at least medium risk, whatever the points"
                    + " (seed 003: 2 or more trips a year is a frequent tripper).")
    int frequentTrips() default 2;
}
