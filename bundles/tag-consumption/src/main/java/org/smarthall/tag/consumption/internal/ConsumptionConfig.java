package org.smarthall.tag.consumption.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall tag theme: consumption behaviour",
        description = "Segments customers by category, value, usage pattern, trend and suspected violations from their "
                + "monthly consumption, and picks the advice pushed to them. Changes apply to the next tagging run.")
public @interface ConsumptionConfig {

    @AttributeDefinition(name = "Minimum metered months",
            description = "Months with a reading, of the 12 before the tagging date, needed before value, pattern, trend "
                    + "and violation get a verdict; with fewer they are unknown.", min = "1", max = "12")
    int minMeteredMonths() default 6;

    @AttributeDefinition(name = "Resident: medium from (kWh a year)",
            description = "Residents using less than this in a year are resident-small.")
    double residentSmallKwh() default 1_800;

    @AttributeDefinition(name = "Resident: large from (kWh a year)",
            description = "Residents using at least this in a year are resident-large (2,520 kWh is the top of the "
                    + "first tier of the ladder tariff, 210 kWh a month).")
    double residentLargeKwh() default 2_520;

    @AttributeDefinition(name = "Enterprise: medium from (kVA)",
            description = "Enterprises with less contracted capacity are enterprise-small (100 kVA: power-factor "
                    + "assessment starts there).")
    double enterpriseMediumKva() default 100;

    @AttributeDefinition(name = "Enterprise: large from (kVA)",
            description = "Enterprises with at least this contracted capacity are enterprise-large (315 kVA: the "
                    + "large-industry two-part tariff starts there).")
    double enterpriseLargeKva() default 315;

    @AttributeDefinition(name = "Enterprise without capacity: medium from (kWh a year)",
            description = "For enterprises with no contracted capacity on record: less than this in a year is "
                    + "enterprise-small.")
    double enterpriseMediumKwh() default 300_000;

    @AttributeDefinition(name = "Enterprise without capacity: large from (kWh a year)",
            description = "For enterprises with no contracted capacity on record: at least this in a year is "
                    + "enterprise-large.")
    double enterpriseLargeKwh() default 1_000_000;

    @AttributeDefinition(name = "Resident value: medium from (yuan a year)",
            description = "Residents billed less than this in a year are of low value.")
    double residentValueLowYuan() default 900;

    @AttributeDefinition(name = "Resident value: high from (yuan a year)",
            description = "Residents billed at least this in a year are of high value.")
    double residentValueHighYuan() default 1_500;

    @AttributeDefinition(name = "Enterprise value: medium from (yuan a year)",
            description = "Enterprises billed less than this in a year are of low value.")
    double enterpriseValueLowYuan() default 100_000;

    @AttributeDefinition(name = "Enterprise value: high from (yuan a year)",
            description = "Enterprises billed at least this in a year are of high value.")
    double enterpriseValueHighYuan() default 1_000_000;

    @AttributeDefinition(name = "Government value: medium from (yuan a year)",
            description = "Government bodies billed less than this in a year are of low value.")
    double governmentValueLowYuan() default 60_000;

    @AttributeDefinition(name = "Government value: high from (yuan a year)",
            description = "Government bodies billed at least this in a year are of high value.")
    double governmentValueHighYuan() default 300_000;

    @AttributeDefinition(name = "Peak-heavy from (%)",
            description = "Customers using at least this share of their energy in the peak period are peak-heavy.")
    double peakHeavyPercent() default 38;

    @AttributeDefinition(name = "Valley-heavy from (%)",
            description = "Customers who are not peak-heavy and use at least this share in the valley period are "
                    + "valley-heavy; the others are balanced.")
    double valleyHeavyPercent() default 30;

    @AttributeDefinition(name = "Trend: recent months",
            description = "The trend compares the average of this many latest months with the median of the earlier "
                    + "months of the year, both seasonally adjusted.", min = "1", max = "9")
    int trendMonths() default 3;

    @AttributeDefinition(name = "Trend: change (%)",
            description = "A change of at least this many per cent up is rising, down is falling; in between stable.")
    double trendPercent() default 15;

    @AttributeDefinition(name = "Seasonal index: residents",
            description = "Twelve positive numbers, January first, separated by commas: a resident's usual use in "
                    + "each calendar month relative to the others (heating in winter, cooling in summer). The trend "
                    + "divides each month's use by it. All 1 switches the adjustment off.")
    String residentSeason() default "1.20,1.10,0.90,0.80,0.82,1.00,1.35,1.40,1.00,0.82,0.88,1.10";

    @AttributeDefinition(name = "Seasonal index: enterprises",
            description = "As for residents, for enterprises (the Spring Festival dip in February).")
    String enterpriseSeason() default "0.95,0.80,1.00,1.02,1.03,1.05,1.10,1.10,1.03,1.00,1.00,1.02";

    @AttributeDefinition(name = "Seasonal index: government",
            description = "As for residents, for government bodies (offices heated and cooled).")
    String governmentSeason() default "1.15,1.00,0.90,0.85,0.85,1.00,1.25,1.30,1.00,0.85,0.90,1.10";

    @AttributeDefinition(name = "Violation: months of drop",
            description = "A violation is suspected when this many latest months are all metered and all below the "
                    + "drop threshold.", min = "1", max = "9")
    int violationMonths() default 3;

    @AttributeDefinition(name = "Violation: drop below (%)",
            description = "The drop threshold: this share of the median of the customer's earlier months of the year.")
    double violationPercent() default 40;

    @AttributeDefinition(name = "Violation: near-zero months",
            description = "A violation is also suspected when this many latest months are all near zero on an account "
                    + "with contracted capacity; 0 switches this rule off.", min = "0", max = "12")
    int nearZeroMonths() default 6;

    @AttributeDefinition(name = "Violation: near zero up to (full-load hours)",
            description = "A month is near zero when it used at most the contracted capacity (kVA) times this many "
                    + "hours, in kWh.")
    double nearZeroFullLoadHours() default 1;

    @AttributeDefinition(name = "Compliance advice for non-residents",
            description = "Enterprises and government bodies always get the compliant-use advice (seed 000: "
                    + "non-residents get guidance against violations). Off: they get the same advice rules as residents.")
    boolean nonResidentComplianceAdvice() default true;
}
