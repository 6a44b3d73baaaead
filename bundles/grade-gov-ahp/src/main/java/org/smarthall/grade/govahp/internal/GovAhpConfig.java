package org.smarthall.grade.govahp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Criteria, judgements, thresholds and indicator settings of the gov-ahp model; see {@link GovAhpModel}. */
@ObjectClassDefinition(name = "SmartHall grading model: government AHP",
        description = "Grades government customers diamond (F > 80), platinum (50 < F <= 80) or gold (F <= 50) by a"
                + " composite score F on 0-100, weighted by the analytic hierarchy process. Changes apply to the next"
                + " grading run.")
public @interface GovAhpConfig {

    @AttributeDefinition(name = "Criteria",
            description = "Comma-separated, in the order of the comparison matrix: any of social-influence,"
                    + " supply-dependency, sensitivity, consumption, each once.")
    String criteria() default GovAhpRules.DEFAULT_CRITERIA;

    @AttributeDefinition(name = "Pairwise comparisons",
            description = "Upper triangle of the pairwise comparison matrix, row by row (for 4 criteria: a12, a13, a14,"
                    + " a23, a24, a34), on Saaty's scale: 1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely"
                    + " more important (2, 4, 6, 8 between); 1/2 to 1/9 when the second criterion is the more important.")
    String pairwise() default GovAhpRules.DEFAULT_PAIRWISE;

    @AttributeDefinition(name = "Largest consistency ratio",
            description = "A matrix whose consistency ratio CR is above this is refused when the model is fitted."
                    + " Saaty's rule is 0.10. Above 0 and at most 1.")
    double maxConsistencyRatio() default 0.1;

    @AttributeDefinition(name = "Diamond above (F)",
            description = "F above this is diamond. Above the platinum threshold and below 100.")
    double diamondAbove() default 80;

    @AttributeDefinition(name = "Platinum above (F)",
            description = "F above this, up to the diamond threshold, is platinum; F at or below it, gold. 0 or more.")
    double platinumAbove() default 50;

    @AttributeDefinition(name = "Missing indicator",
            description = "unknown: a customer missing any indicator is graded unknown, the reason naming what is"
                    + " missing. lowest: a missing indicator counts 0 on its 0-100 scale, and the reason says so.")
    String missingIndicator() default "unknown";

    @AttributeDefinition(name = "Log scale for kWh and kVA",
            description = "Compare annual consumption and contracted capacity on log10(1 + x) before the min-max"
                    + " normalisation: they span orders of magnitude, and on a linear scale the largest body flattens"
                    + " the rest to near 0.")
    boolean logScale() default true;

    @AttributeDefinition(name = "Metered months needed",
            description = "Consumption: of the 12 complete months up to the run date, at least this many (1 to 12)"
                    + " must be metered; fewer, and consumption is missing. With fewer than 12 the sum is scaled to a year.")
    int minMeteredMonths() default 10;

    @AttributeDefinition(name = "Social influence by industry",
            description = "Comma-separated prefix:level pairs, levels 0 to 100: a customer's GB/T 4754 industry code"
                    + " takes the level of the longest prefix it starts with. Defaults are a starting point for a"
                    + " province to replace.")
    String industryLevels() default GovAhpRules.DEFAULT_INDUSTRY_LEVELS;

    @AttributeDefinition(name = "Social influence of other industries",
            description = "Level (0 to 100) of an industry code no prefix matches.")
    int otherIndustryLevel() default 20;

    @AttributeDefinition(name = "Capital regions",
            description = "Comma-separated prefixes of the 6-digit region codes of the provincial capital (3701 Jinan,"
                    + " 3401 Hefei): bodies there get the capital points on top of their industry level.")
    String capitalRegions() default "3701";

    @AttributeDefinition(name = "Capital points",
            description = "Social influence points (0 to 100) added for a body in a capital region.")
    int capitalPoints() default 20;

    @AttributeDefinition(name = "Critical industries",
            description = "Comma-separated GB/T 4754 prefixes of bodies an outage hurts most (hospitals, water, gas,"
                    + " heat): their supply dependency is at least the critical floor, whatever their capacity.")
    String criticalIndustries() default GovAhpRules.DEFAULT_CRITICAL_INDUSTRIES;

    @AttributeDefinition(name = "Critical floor",
            description = "Supply dependency (0 to 100, after normalisation) a body of a critical industry has at least.")
    int criticalFloor() default 80;

    @AttributeDefinition(name = "Sensitivity points per flag",
            description = "Comma-separated flag:points pairs (official, disabled, enterprise_leader, elderly; points 0"
                    + " to 100); flags not named add nothing.")
    String sensitiveFlagPoints() default GovAhpRules.DEFAULT_SENSITIVE_FLAG_POINTS;

    @AttributeDefinition(name = "Sensitivity points per complaint",
            description = "Points (0 to 100) for each complaint work order opened in the 12 months up to the run date.")
    int pointsPerComplaint() default 20;

    @AttributeDefinition(name = "Complaints: most points", description = "Cap (0 to 100) on the points for complaints.")
    int complaintsMaxPoints() default 40;
}
