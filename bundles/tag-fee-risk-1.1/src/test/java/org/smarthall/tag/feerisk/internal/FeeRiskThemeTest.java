package org.smarthall.tag.feerisk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smarthall.tag.feerisk.internal.Customers.AS_OF;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;
import org.smarthall.testing.Annotations;

/** The component as Declarative Services activates it: defaults, refused and changed configurations. */
class FeeRiskThemeTest {

    private static FeeRiskTheme theme(Map<String, Object> config) {
        return new FeeRiskTheme(Annotations.of(FeeRiskConfig.class, config));
    }

    @Test
    void worksWithoutAConfigurationFile() {
        FeeRiskTheme theme = theme(Map.of());
        assertEquals("fee-risk", theme.id());
        List<TagValue> tags = theme.evaluate(PostPaidRiskTest.oneLongUnpaidBill().build(), AS_OF);
        assertEquals(1, tags.size());
        assertEquals("high", tags.get(0).value());
        assertEquals(60, tags.get(0).score());
    }

    @Test
    void takesTheConfigurationOf10() {
        // a province's cfg file written for 1.0: the 1.1 attributes take their defaults
        FeeRiskTheme theme = theme(Map.of("highThreshold", 70, "mediumThreshold", 40, "pointsPerTrip", 10));
        assertEquals(new TagValue("fee-risk", "high", 70, "Trip rule: 3 meter trips (3 or more), so high risk."
                + " 30 of 100 points. 3 meter trips (balance below 10 yuan), 0 of 12 recharges failed"),
                theme.evaluate(PrepaidRiskTest.tripping(3).build(), AS_OF).get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mediumThreshold | 60 | mediumThreshold = 60 must be at least 1 and below highThreshold = 60",
        "highThreshold   | 101 | highThreshold = 101 must be between 1 and 100",
        "highThreshold   | 25 | mediumThreshold = 30 must be at least 1 and below highThreshold = 25",
        "graceDays       | -1 | graceDays = -1 must be at least 0",
        "pointsPerLateBill | -6 | pointsPerLateBill = -6 must be between 0 and 100",
        "lateDaysForFullPoints | 5 | lateDaysForFullPoints = 5 must be above graceDays = 5",
        "frequentTrips   | 0  | frequentTrips = 0 must be at least 1",
        "overdueDaysForHigh | 0 | overdueDaysForHigh = 0 must be at least 1",
        "lateWindowMonths | 0 | lateWindowMonths = 0 must be between 1 and 12",
        "lateWindowMonths | 13 | lateWindowMonths = 13 must be between 1 and 12",
        "tripsForHigh    | 1  | tripsForHigh = 1 must be at least frequentTrips = 2",
        "frequentTrips   | 4  | tripsForHigh = 3 must be at least frequentTrips = 4",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, int value, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> theme(Map.of(attribute, value)));
        assertEquals("fee-risk configuration refused: " + why, e.getMessage());
    }

    @Test
    void changedRulesOf11ChangeTheVerdict() {
        CustomerSnapshot unpaid = PostPaidRiskTest.oneLongUnpaidBill().build();
        // the bill is 289 days overdue: under a 300-day limit the points decide, 20 of them
        assertEquals(new TagValue("fee-risk", "low", 20, "Points rule: 20 of 100 points. 5 bills of the last 6 months,"
                + " none over 5 days late; 1 month in arrears, 100.00 yuan outstanding (1.0 mean bills)"),
                theme(Map.of("overdueDaysForHigh", 300)).evaluate(unpaid, AS_OF).get(0));
        // and with late payments over 12 months, as 1.0 counts them: 46 points
        TagValue as10 = theme(Map.of("overdueDaysForHigh", 300, "lateWindowMonths", 12)).evaluate(unpaid, AS_OF).get(0);
        assertEquals("medium", as10.value());
        assertEquals(46, as10.score());
        assertEquals("medium", theme(Map.of("tripsForHigh", 4)).evaluate(PrepaidRiskTest.tripping(3).build(), AS_OF)
                .get(0).value());
    }

    @Test
    void changedThresholdsAndWeightsChangeTheVerdict() {
        CustomerSnapshot unpaid = PostPaidRiskTest.oneLongUnpaidBill().build();
        // with the overdue rule out of the way: 20 points
        assertEquals("medium", theme(Map.of("mediumThreshold", 20, "overdueDaysForHigh", 300))
                .evaluate(unpaid, AS_OF).get(0).value());
        TagValue tag = theme(Map.of("pointsPerOutstandingBill", 50, "outstandingMaxPoints", 50, "overdueDaysForHigh", 300))
                .evaluate(unpaid, AS_OF).get(0);
        assertEquals("high", tag.value());
        assertEquals(60, tag.score());
    }

    @Test
    void evaluatesFromSeveralThreadsWithSeveralDates() throws Exception {
        FeeRiskTheme theme = theme(Map.of());
        CustomerSnapshot unpaid = PostPaidRiskTest.oneLongUnpaidBill().build();
        // a year later the unpaid bill of 2025-12 has left the window: no bill of the window is due any more
        LocalDate later = AS_OF.plusYears(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> verdicts = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                LocalDate asOf = i % 2 == 0 ? AS_OF : later;
                verdicts.add(threads.submit(() -> asOf + " " + theme.evaluate(unpaid, asOf).get(0).value()));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertEquals(i % 2 == 0 ? "2026-10-31 high" : "2027-10-31 unknown", verdicts.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
