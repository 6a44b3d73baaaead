package org.smarthall.tag.credit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Weights, points and cut-offs of the credit theme. Changes apply to the next tagging run.
 * Points are on the 0-100 score scale: the internal and the third-party part each start at their
 * base, lose points for bad facts, gain points for good ones, and are clamped to 0-100.
 */
@ObjectClassDefinition(name = "SmartHall tag theme: credit",
        description = "Credit grades AAA (best), AA, A, B and C from a 0-100 score: the customer's own payment history "
                + "over the last 12 months and the third-party credit feed (banks, Alipay, WeChat Pay, property "
                + "registry, water, heat and gas utilities). Changes apply to the next tagging run.")
public @interface CreditConfig {

    @AttributeDefinition(name = "Weight of the internal part",
            description = "Share of the payment history in the score when both parts have data; the two weights add up to 1.",
            min = "0", max = "1")
    double internalWeight() default 0.6;

    @AttributeDefinition(name = "Weight of the third-party part",
            description = "Share of the third-party credit records in the score when both parts have data; the two "
                    + "weights add up to 1.", min = "0", max = "1")
    double thirdPartyWeight() default 0.4;

    @AttributeDefinition(name = "AAA from score",
            description = "Lowest score graded AAA. The cut-offs must rise strictly from B to AAA.", min = "0", max = "100")
    double gradeAaa() default 90;

    @AttributeDefinition(name = "AA from score", description = "Lowest score graded AA.", min = "0", max = "100")
    double gradeAa() default 80;

    @AttributeDefinition(name = "A from score", description = "Lowest score graded A.", min = "0", max = "100")
    double gradeA() default 65;

    @AttributeDefinition(name = "B from score",
            description = "Lowest score graded B; a lower score is graded C.", min = "0", max = "100")
    double gradeB() default 50;

    @AttributeDefinition(name = "Best grade with a default",
            description = "A third-party record in default within the look-back caps the grade here (AAA, AA, A, B or C; "
                    + "AAA means no cap).")
    String defaultCapsGradeAt() default "B";

    @AttributeDefinition(name = "Third-party look-back (months)",
            description = "Only credit records reported within this many months before the tagging date count.",
            min = "1", max = "120")
    int lookBackMonths() default 24;

    @AttributeDefinition(name = "Internal base score",
            description = "Score of a payment history with nothing against it, before the account-age bonus.",
            min = "0", max = "100")
    double internalBase() default 80;

    @AttributeDefinition(name = "Points for late bills",
            description = "Points taken when every bill was paid late; in proportion to the share of bills paid late.",
            min = "0")
    double lateBillPoints() default 30;

    @AttributeDefinition(name = "Points per day late",
            description = "Points taken per day of the longest lateness of a bill (unpaid bills count to the tagging date).",
            min = "0")
    double lateDayPoints() default 0.2;

    @AttributeDefinition(name = "Days late counted at most",
            description = "The longest lateness counts up to this many days.", min = "0")
    int maxLateDays() default 90;

    @AttributeDefinition(name = "Points per month in arrears",
            description = "Points taken per bill still unpaid or partly unpaid on the tagging date.", min = "0")
    double arrearsMonthPoints() default 8;

    @AttributeDefinition(name = "Points for the outstanding amount",
            description = "Points taken when everything billed in the 12 months is outstanding; in proportion to the "
                    + "outstanding share.", min = "0")
    double outstandingPoints() default 20;

    @AttributeDefinition(name = "Points per meter trip",
            description = "Points taken per prepaid meter trip (the balance ran out). Failed recharges never count: "
                    + "they are not the customer's fault.", min = "0")
    double tripPoints() default 3;

    @AttributeDefinition(name = "Meter-trip points at most",
            description = "Meter trips take at most this many points in all.", min = "0")
    double maxTripPoints() default 15;

    @AttributeDefinition(name = "Points per year of account age",
            description = "Points added per full year since the account was opened (nothing when the opening date is missing).",
            min = "0")
    double accountAgePointsPerYear() default 0.5;

    @AttributeDefinition(name = "Account-age points at most", description = "Account age adds at most this many points.",
            min = "0")
    double maxAccountAgePoints() default 10;

    @AttributeDefinition(name = "Third-party base score",
            description = "Score of third-party records with nothing for or against the customer.", min = "0", max = "100")
    double thirdPartyBase() default 80;

    @AttributeDefinition(name = "Points per default",
            description = "Points taken per source and kind with a record in default (e.g. a bank loan).", min = "0")
    double defaultPoints() default 50;

    @AttributeDefinition(name = "Points per overdue record",
            description = "Points taken per source and kind with an overdue record, before the days overdue.", min = "0")
    double overduePoints() default 5;

    @AttributeDefinition(name = "Points per day overdue",
            description = "Further points per day overdue (the most days reported for that source and kind).", min = "0")
    double overdueDayPoints() default 0.25;

    @AttributeDefinition(name = "Overdue points at most",
            description = "One overdue source and kind takes at most this many points.", min = "0")
    double maxOverduePoints() default 30;

    @AttributeDefinition(name = "Points for a loan or card in good standing",
            description = "Points added per source with a normal loan or credit card.", min = "0")
    double loanOrCardPoints() default 3;

    @AttributeDefinition(name = "Points for property",
            description = "Points added per source reporting property in good standing.", min = "0")
    double propertyPoints() default 10;

    @AttributeDefinition(name = "Points for deposits",
            description = "Points added per source reporting deposits in good standing.", min = "0")
    double depositPoints() default 8;

    @AttributeDefinition(name = "Points for utility bills paid",
            description = "Points added per other utility (water, heat, gas) whose bills are in good standing.", min = "0")
    double utilityPaidPoints() default 2;
}
