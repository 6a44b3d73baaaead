package org.smarthall.grade.trips.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarthall.grade.trips.internal.Prepaid.AS_OF;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.grading.Grade;

/** The trip classes with the default thresholds, as of 2026-06-30: the window runs from 2025-07-01 00:00 CST. */
class TripGraderTest {
    private static final String NO_EVIDENCE = "no recharge, no meter trip and no metered consumption in the 12 months"
            + " to 2026-06-30: no evidence the meter is in use";

    private final TripGrader grader = new TripGrader(new TripRules(1, 2));

    private Grade grade(Prepaid customer) {
        return grader.grade(customer.build(), AS_OF);
    }

    @Test
    void theIssuesExample() {
        Prepaid customer = Prepaid.customer().trip("2026-03-14T19:00").trip("2026-01-03T08:30");
        assertEquals(new Grade("frequent", 2, "2 trips in the 12 months to 2026-06-30 (2026-01-03, 2026-03-14):"
                + " frequent (>= 2): push directly when the balance is below 20 yuan"), grade(customer));
    }

    @Test
    void noTripIsNormal() {
        assertEquals(new Grade("normal", 0, "no trip in the 12 months to 2026-06-30: normal (0): no push at all"),
                grade(Prepaid.tripping(0)));
    }

    @Test
    void oneTripIsOccasional() {
        assertEquals(new Grade("occasional", 1, "1 trip in the 12 months to 2026-06-30 (2025-08-10): occasional (1):"
                + " ask consent; remind only after the customer subscribes"), grade(Prepaid.tripping(1)));
    }

    @Test
    void twoTripsAndMoreAreFrequent() {
        assertEquals("frequent", grade(Prepaid.tripping(2)).grade());
        assertEquals("frequent", grade(Prepaid.tripping(3)).grade());
        assertEquals(3, grade(Prepaid.tripping(3)).score());
    }

    @Test
    void manyTripsAreCountedButOnlySixListed() {
        assertEquals(new Grade("frequent", 9, "9 trips in the 12 months to 2026-06-30 (2025-08-10, 2025-09-10,"
                + " 2025-10-10, 2025-11-10, 2025-12-10, 2026-01-10 and 3 more): frequent (>= 2):"
                + " push directly when the balance is below 20 yuan"), grade(Prepaid.tripping(9)));
    }

    @Test
    void tripsOnTheWindowsEdges() {
        // 2025-06-30 23:59 is before the window, 2025-07-01 00:00 its first minute;
        // 2026-06-30 23:59 its last minute, 2026-07-01 00:00 after it
        Prepaid first = Prepaid.customer().trip("2025-06-30T23:59").trip("2025-07-01T00:00");
        assertEquals(new Grade("occasional", 1, "1 trip in the 12 months to 2026-06-30 (2025-07-01): occasional (1):"
                + " ask consent; remind only after the customer subscribes"), grade(first));
        Prepaid last = Prepaid.customer().trip("2026-06-30T23:59").trip("2026-07-01T00:00");
        assertEquals(new Grade("occasional", 1, "1 trip in the 12 months to 2026-06-30 (2026-06-30): occasional (1):"
                + " ask consent; remind only after the customer subscribes"), grade(last));
        assertEquals("frequent", grade(Prepaid.customer().trip("2025-07-01T00:00").trip("2026-06-30T23:59")).grade());
    }

    @Test
    void tripDatesAreChinaStandardTime() {
        // 2026-01-02 16:30 UTC is 2026-01-03 00:30 in Beijing
        Prepaid customer = Prepaid.customer().trip("2026-01-03T00:30");
        assertEquals("1 trip in the 12 months to 2026-06-30 (2026-01-03): occasional (1):"
                + " ask consent; remind only after the customer subscribes", grade(customer).reason());
    }

    @Test
    void noEvidenceTheMeterIsInUseIsUnknown() {
        assertEquals(Grade.unknown(NO_EVIDENCE), grade(Prepaid.customer()));
        // all before the window
        assertEquals(Grade.unknown(NO_EVIDENCE), grade(Prepaid.customer().trip("2025-06-30T23:59")
                .recharge("2025-06-30T12:00", true).consumption("2025-06", 150.0)));
        // a month metered at nothing, or not metered, is no consumption either
        assertEquals(Grade.unknown(NO_EVIDENCE), grade(Prepaid.customer().consumption("2026-05", 0.0)
                .consumption("2026-06", null)));
        // after the grading date
        assertEquals(Grade.unknown(NO_EVIDENCE), grade(Prepaid.customer().recharge("2026-07-01T08:00", true)
                .consumption("2026-07", 90.0)));
    }

    @Test
    void aRechargeOrConsumptionAloneIsEvidenceOfNoTrip() {
        Grade normal = new Grade("normal", 0, "no trip in the 12 months to 2026-06-30: normal (0): no push at all");
        assertEquals(normal, grade(Prepaid.customer().recharge("2025-07-01T00:00", false)));
        assertEquals(normal, grade(Prepaid.customer().consumption("2025-07", 80.0)));
        assertEquals(normal, grade(Prepaid.customer().consumption("2026-06", 80.0)));
    }

    @Test
    void otherKindsOfCustomerAreUnknown() {
        for (CustomerKind kind : new CustomerKind[] {CustomerKind.RESIDENT, CustomerKind.ENTERPRISE,
                CustomerKind.GOVERNMENT}) {
            assertEquals(Grade.unknown("not a prepaid resident: trip classes are for prepaid meters only"),
                    grader.grade(Prepaid.of(kind).trip("2026-03-14T19:00").build(), AS_OF));
        }
    }

    @Test
    void configuredThresholdsMoveTheBoundaries() {
        TripGrader strict = new TripGrader(new TripRules(2, 4));
        assertEquals(new Grade("normal", 1, "1 trip in the 12 months to 2026-06-30 (2025-08-10): normal (0 to 1):"
                + " no push at all"), strict.grade(Prepaid.tripping(1).build(), AS_OF));
        assertEquals("occasional (2 to 3)", classAndRange(strict.grade(Prepaid.tripping(2).build(), AS_OF)));
        assertEquals("occasional (2 to 3)", classAndRange(strict.grade(Prepaid.tripping(3).build(), AS_OF)));
        assertEquals("frequent (>= 4)", classAndRange(strict.grade(Prepaid.tripping(4).build(), AS_OF)));
    }

    private static String classAndRange(Grade grade) {
        String reason = grade.reason();
        int from = reason.indexOf(": ") + 2;
        return reason.substring(from, reason.indexOf(')', from) + 1);
    }
}
