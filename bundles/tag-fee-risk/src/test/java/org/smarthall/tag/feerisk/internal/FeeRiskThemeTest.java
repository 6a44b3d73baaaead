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
        assertEquals("medium", tags.get(0).value());
        assertEquals(46, tags.get(0).score());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mediumThreshold | 60 | mediumThreshold = 60 must be at least 1 and below highThreshold = 60",
        "mediumThreshold | 0  | mediumThreshold = 0 must be at least 1 and below highThreshold = 60",
        "highThreshold   | 101 | highThreshold = 101 must be between 1 and 100",
        "highThreshold   | 25 | mediumThreshold = 30 must be at least 1 and below highThreshold = 25",
        "graceDays       | -1 | graceDays = -1 must be at least 0",
        "pointsPerLateBill | -6 | pointsPerLateBill = -6 must be between 0 and 100",
        "outstandingMaxPoints | 120 | outstandingMaxPoints = 120 must be between 0 and 100",
        "lateDaysForFullPoints | 5 | lateDaysForFullPoints = 5 must be above graceDays = 5",
        "trendRisePercent | 0 | trendRisePercent = 0 must be at least 1",
        "frequentTrips   | 0  | frequentTrips = 0 must be at least 1",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, int value, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> theme(Map.of(attribute, value)));
        assertEquals("fee-risk configuration refused: " + why, e.getMessage());
    }

    @Test
    void changedThresholdsChangeTheVerdict() {
        CustomerSnapshot medium = PostPaidRiskTest.oneLongUnpaidBill().build();
        assertEquals("high", theme(Map.of("highThreshold", 45)).evaluate(medium, AS_OF).get(0).value());
        assertEquals("low", theme(Map.of("mediumThreshold", 50)).evaluate(medium, AS_OF).get(0).value());
    }

    @Test
    void changedWeightsChangeTheVerdict() {
        CustomerSnapshot medium = PostPaidRiskTest.oneLongUnpaidBill().build();
        TagValue tag = theme(Map.of("pointsPerArrearsMonth", 30)).evaluate(medium, AS_OF).get(0);
        assertEquals("high", tag.value());
        assertEquals(66, tag.score());
        CustomerSnapshot threeTrips = PrepaidRiskTest.tripping(3).build();
        assertEquals("high", theme(Map.of("pointsPerTrip", 20)).evaluate(threeTrips, AS_OF).get(0).value());
    }

    @Test
    void evaluatesFromSeveralThreadsWithSeveralDates() throws Exception {
        FeeRiskTheme theme = theme(Map.of());
        CustomerSnapshot medium = PostPaidRiskTest.oneLongUnpaidBill().build();
        // a year later the unpaid bill of 2025-12 has left the window: no bill of the window is due any more
        LocalDate later = AS_OF.plusYears(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> verdicts = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                LocalDate asOf = i % 2 == 0 ? AS_OF : later;
                verdicts.add(threads.submit(() -> asOf + " " + theme.evaluate(medium, asOf).get(0).value()));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertEquals(i % 2 == 0 ? "2026-10-31 medium" : "2027-10-31 unknown", verdicts.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
