package org.smarthall.tag.feerisk.internal;

/**
 * The thresholds and weights of the fee-risk score, version 1.1, checked: a configuration that makes no sense
 * is refused with the attribute and its value named. Field meanings are those of
 * {@link FeeRiskConfig}.
 */
public record FeeRiskRules(int highThreshold, int mediumThreshold, int graceDays, int pointsPerLateBill,
        int lateBillsMaxPoints, int maxLateDaysPoints, int lateDaysForFullPoints, int pointsPerArrearsMonth,
        int arrearsMaxPoints, int pointsPerOutstandingBill, int outstandingMaxPoints, int trendRisePercent,
        int trendPoints, int pointsPerTrip, int tripsMaxPoints, int pointsPerFailedRecharge,
        int failedRechargesMaxPoints, int frequentTrips, int overdueDaysForHigh, int lateWindowMonths,
        int tripsForHigh) {

    /** The points score never exceeds this. */
    public static final int MAX_POINTS = 100;

    /** @throws IllegalArgumentException naming the attribute and its value when the rules make no sense */
    public FeeRiskRules {
        if (highThreshold < 1 || highThreshold > MAX_POINTS) {
            throw refused("highThreshold = " + highThreshold + " must be between 1 and " + MAX_POINTS);
        }
        if (mediumThreshold < 1 || mediumThreshold >= highThreshold) {
            throw refused("mediumThreshold = " + mediumThreshold + " must be at least 1 and below highThreshold = "
                    + highThreshold);
        }
        atLeast("graceDays", graceDays, 0);
        points("pointsPerLateBill", pointsPerLateBill);
        points("lateBillsMaxPoints", lateBillsMaxPoints);
        points("maxLateDaysPoints", maxLateDaysPoints);
        atLeast("lateDaysForFullPoints", lateDaysForFullPoints, 1);
        if (lateDaysForFullPoints <= graceDays) {
            throw refused("lateDaysForFullPoints = " + lateDaysForFullPoints + " must be above graceDays = " + graceDays);
        }
        points("pointsPerArrearsMonth", pointsPerArrearsMonth);
        points("arrearsMaxPoints", arrearsMaxPoints);
        points("pointsPerOutstandingBill", pointsPerOutstandingBill);
        points("outstandingMaxPoints", outstandingMaxPoints);
        atLeast("trendRisePercent", trendRisePercent, 1);
        points("trendPoints", trendPoints);
        points("pointsPerTrip", pointsPerTrip);
        points("tripsMaxPoints", tripsMaxPoints);
        points("pointsPerFailedRecharge", pointsPerFailedRecharge);
        points("failedRechargesMaxPoints", failedRechargesMaxPoints);
        atLeast("frequentTrips", frequentTrips, 1);
        atLeast("overdueDaysForHigh", overdueDaysForHigh, 1);
        if (lateWindowMonths < 1 || lateWindowMonths > 12) {
            throw refused("lateWindowMonths = " + lateWindowMonths + " must be between 1 and 12");
        }
        if (tripsForHigh < frequentTrips) {
            throw refused("tripsForHigh = " + tripsForHigh + " must be at least frequentTrips = " + frequentTrips);
        }
    }

    /** The rules of a configuration (Metatype defaults where the cfg file says nothing). */
    public static FeeRiskRules of(FeeRiskConfig c) {
        return new FeeRiskRules(c.highThreshold(), c.mediumThreshold(), c.graceDays(), c.pointsPerLateBill(),
                c.lateBillsMaxPoints(), c.maxLateDaysPoints(), c.lateDaysForFullPoints(), c.pointsPerArrearsMonth(),
                c.arrearsMaxPoints(), c.pointsPerOutstandingBill(), c.outstandingMaxPoints(), c.trendRisePercent(),
                c.trendPoints(), c.pointsPerTrip(), c.tripsMaxPoints(), c.pointsPerFailedRecharge(),
                c.failedRechargesMaxPoints(), c.frequentTrips(), c.overdueDaysForHigh(), c.lateWindowMonths(),
                c.tripsForHigh());
    }

    private static void points(String name, int value) {
        if (value < 0 || value > MAX_POINTS) {
            throw refused(name + " = " + value + " must be between 0 and " + MAX_POINTS);
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw refused(name + " = " + value + " must be at least " + min);
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("fee-risk configuration refused: " + why);
    }
}
