package org.smarthall.tag.feerisk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarthall.tag.feerisk.internal.Customers.AS_OF;

import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarthall.api.tag.TagValue;
import org.smarthall.testing.Annotations;

/**
 * Prepaid residents with the default rules, as of 2026-10-31: the window runs from 2025-11-01
 * 00:00 to 2026-10-31 24:00 China Standard Time.
 */
class PrepaidRiskTest {
    private final FeeRiskAssessor assessor = new FeeRiskAssessor(FeeRiskRules.of(Annotations.of(FeeRiskConfig.class)));

    /** Prepaid with {@code trips} meter trips (one a month from 2025-12) and 12 good recharges. */
    static Customers tripping(int trips) {
        Customers c = Customers.prepaid().recharges(12);
        for (int i = 0; i < trips; i++) {
            c.trip(YearMonth.of(2025, 12).plusMonths(i).atDay(10) + "T20:15");
        }
        return c;
    }

    private TagValue assess(Customers customer) {
        return assessor.assess(customer.build(), AS_OF);
    }

    private static void assertTag(String value, double score, String reason, TagValue tag) {
        assertEquals(new TagValue("fee-risk", value, score, reason), tag);
    }

    @Test
    void noTripIsLow() {
        assertTag("low", 0, "0 points: no meter trip, 0 of 12 recharges failed", assess(tripping(0)));
    }

    @Test
    void oneTripIsLow() {
        assertTag("low", 15, "15 points: 1 meter trip (balance below 10 yuan), 0 of 12 recharges failed",
                assess(tripping(1)));
    }

    @Test
    void twoOrThreeTripsAreMedium() {
        assertTag("medium", 30, "30 points: 2 meter trips (balance below 10 yuan), 0 of 12 recharges failed",
                assess(tripping(2)));
        assertTag("medium", 45, "45 points: 3 meter trips (balance below 10 yuan), 0 of 12 recharges failed",
                assess(tripping(3)));
    }

    @Test
    void fourTripsAreHigh() {
        assertTag("high", 60, "60 points: 4 meter trips (balance below 10 yuan), 0 of 12 recharges failed",
                assess(tripping(4)));
        assertTag("high", 60, "60 points: 5 meter trips (balance below 10 yuan), 0 of 12 recharges failed",
                assess(tripping(5)));
    }

    @Test
    void failedRechargesAddPointsUpToTheirCap() {
        Customers threeFailed = tripping(1).recharge("2026-03-10T21:00", false).recharge("2026-03-10T21:05", false)
                .recharge("2026-03-10T21:30", false);
        assertTag("medium", 30, "30 points: 1 meter trip (balance below 10 yuan), 3 of 15 recharges failed",
                assess(threeFailed));
        Customers fiveFailed = tripping(0);
        for (int i = 0; i < 5; i++) {
            fiveFailed.recharge("2026-04-0" + (i + 1) + "T09:00", false);
        }
        assertTag("low", 15, "15 points: no meter trip, 5 of 17 recharges failed", assess(fiveFailed));
    }

    @Test
    void frequentTripperIsAtLeastMediumWhateverThePoints() {
        FeeRiskAssessor lenient = new FeeRiskAssessor(FeeRiskRules.of(Annotations.of(FeeRiskConfig.class,
                Map.of("pointsPerTrip", 5))));
        assertEquals(new TagValue("fee-risk", "medium", 30, "10 points: 2 meter trips (balance below 10 yuan),"
                + " 0 of 12 recharges failed; 2 trips or more: at least medium"),
                lenient.assess(tripping(2).build(), AS_OF));
        assertEquals(new TagValue("fee-risk", "low", 5, "5 points: 1 meter trip (balance below 10 yuan),"
                + " 0 of 12 recharges failed"), lenient.assess(tripping(1).build(), AS_OF));
    }

    @Test
    void eventsOutsideTheWindowAreIgnored() {
        Customers firstMinute = Customers.prepaid().trip("2025-10-31T23:59").recharge("2025-10-31T23:50", false)
                .trip("2025-11-01T00:00").recharge("2025-11-01T08:00", true);
        assertTag("low", 15, "15 points: 1 meter trip (balance below 10 yuan), 0 of 1 recharges failed",
                assess(firstMinute));
        Customers lastMinute = Customers.prepaid().trip("2026-10-31T23:59").recharge("2026-10-31T23:59", true)
                .trip("2026-11-01T00:00").recharge("2026-11-01T00:10", false);
        assertTag("low", 15, "15 points: 1 meter trip (balance below 10 yuan), 0 of 1 recharges failed",
                assess(lastMinute));
    }

    @Test
    void nothingInTheWindowIsUnknown() {
        TagValue unknown = TagValue.unknown("fee-risk",
                "no recharge, no meter trip and no metered consumption in the 12 months before 2026-10-31");
        assertEquals(unknown, assess(Customers.prepaid()));
        assertEquals(unknown, assess(Customers.prepaid().trip("2025-06-01T12:00").recharge("2025-06-02T09:00", true)
                .consumption("2025-10", 150.0)));
        // a month metered at nothing, or not metered, is no consumption either
        assertEquals(unknown, assess(Customers.prepaid().consumption("2026-05", 0.0).consumption("2026-06", null)));
    }

    @Test
    void consumptionAloneIsEnoughToJudge() {
        assertTag("low", 0, "0 points: no meter trip, 0 of 0 recharges failed",
                assess(Customers.prepaid().consumption("2026-05", 120.0)));
    }
}
