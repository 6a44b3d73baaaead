package org.smarthall.tag.credit.internal;

/**
 * The credit theme's configuration, checked: what {@link CreditModel} scores with. The fields
 * mean what the attributes of {@link CreditConfig} of the same name say. The constructor refuses a
 * configuration that makes no sense with an {@link IllegalArgumentException} naming the attribute
 * and the value, so that DS leaves the component unsatisfied rather than grading with it.
 */
record CreditRules(double internalWeight, double thirdPartyWeight, double gradeAaa, double gradeAa, double gradeA,
        double gradeB, CreditGrade defaultCapsGradeAt, int lookBackMonths, double internalBase, double lateBillPoints,
        double lateDayPoints, int maxLateDays, double arrearsMonthPoints, double outstandingPoints, double tripPoints,
        double maxTripPoints, double accountAgePointsPerYear, double maxAccountAgePoints, double thirdPartyBase,
        double defaultPoints, double overduePoints, double overdueDayPoints, double maxOverduePoints,
        double loanOrCardPoints, double propertyPoints, double depositPoints, double utilityPaidPoints) {

    CreditRules {
        share("internalWeight", internalWeight);
        share("thirdPartyWeight", thirdPartyWeight);
        if (Math.abs(internalWeight + thirdPartyWeight - 1) > 1e-6) {
            throw new IllegalArgumentException("internalWeight (" + internalWeight + ") and thirdPartyWeight ("
                    + thirdPartyWeight + ") must add up to 1");
        }
        score("gradeB", gradeB);
        score("gradeAaa", gradeAaa);
        if (!(gradeB < gradeA && gradeA < gradeAa && gradeAa < gradeAaa)) {
            throw new IllegalArgumentException("the grade cut-offs must rise strictly: gradeB (" + gradeB + ") < gradeA ("
                    + gradeA + ") < gradeAa (" + gradeAa + ") < gradeAaa (" + gradeAaa + ")");
        }
        if (defaultCapsGradeAt == null) {
            throw new IllegalArgumentException("defaultCapsGradeAt is missing");
        }
        if (lookBackMonths < 1 || lookBackMonths > 120) {
            throw new IllegalArgumentException("lookBackMonths must be 1 to 120, not " + lookBackMonths);
        }
        score("internalBase", internalBase);
        score("thirdPartyBase", thirdPartyBase);
        points("lateBillPoints", lateBillPoints);
        points("lateDayPoints", lateDayPoints);
        if (maxLateDays < 0) {
            throw new IllegalArgumentException("maxLateDays must not be negative, not " + maxLateDays);
        }
        points("arrearsMonthPoints", arrearsMonthPoints);
        points("outstandingPoints", outstandingPoints);
        points("tripPoints", tripPoints);
        points("maxTripPoints", maxTripPoints);
        points("accountAgePointsPerYear", accountAgePointsPerYear);
        points("maxAccountAgePoints", maxAccountAgePoints);
        points("defaultPoints", defaultPoints);
        points("overduePoints", overduePoints);
        points("overdueDayPoints", overdueDayPoints);
        points("maxOverduePoints", maxOverduePoints);
        points("loanOrCardPoints", loanOrCardPoints);
        points("propertyPoints", propertyPoints);
        points("depositPoints", depositPoints);
        points("utilityPaidPoints", utilityPaidPoints);
    }

    static CreditRules of(CreditConfig c) {
        return new CreditRules(c.internalWeight(), c.thirdPartyWeight(), c.gradeAaa(), c.gradeAa(), c.gradeA(),
                c.gradeB(), CreditGrade.parse("defaultCapsGradeAt", c.defaultCapsGradeAt()), c.lookBackMonths(),
                c.internalBase(), c.lateBillPoints(), c.lateDayPoints(), c.maxLateDays(), c.arrearsMonthPoints(),
                c.outstandingPoints(), c.tripPoints(), c.maxTripPoints(), c.accountAgePointsPerYear(),
                c.maxAccountAgePoints(), c.thirdPartyBase(), c.defaultPoints(), c.overduePoints(),
                c.overdueDayPoints(), c.maxOverduePoints(), c.loanOrCardPoints(), c.propertyPoints(),
                c.depositPoints(), c.utilityPaidPoints());
    }

    /** The grade of a score, before any cap. */
    CreditGrade gradeOf(double score) {
        if (score >= gradeAaa) {
            return CreditGrade.AAA;
        }
        if (score >= gradeAa) {
            return CreditGrade.AA;
        }
        if (score >= gradeA) {
            return CreditGrade.A;
        }
        return score >= gradeB ? CreditGrade.B : CreditGrade.C;
    }

    /** Lowest score of a grade; 0 for C. */
    double lowestScoreOf(CreditGrade grade) {
        return switch (grade) {
            case AAA -> gradeAaa;
            case AA -> gradeAa;
            case A -> gradeA;
            case B -> gradeB;
            case C -> 0;
        };
    }

    private static void share(String attribute, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(attribute + " must be 0 to 1, not " + value);
        }
    }

    private static void score(String attribute, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(attribute + " must be 0 to 100, not " + value);
        }
    }

    private static void points(String attribute, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(attribute + " must be 0 or more, not " + value);
        }
    }
}
