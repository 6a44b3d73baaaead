package org.smarthall.tag.consumption.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.tag.consumption.internal.Customers.AS_OF;
import static org.smarthall.tag.consumption.internal.Customers.FIRST;
import static org.smarthall.tag.consumption.internal.Customers.MISSING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;

/**
 * Hand-made years are mostly flat, and with the default seasonal index a flat year reads as a
 * change of habit (spring below the winter and summer peaks). So these tests switch the seasonal
 * adjustment off unless they are about it ({@link Trend#seasonalAdjustmentComparesLikeWithLike}).
 */
class ConsumptionTaggerTest {
    private static final ConsumptionTagger DEFAULTS = TestConfig.tagger();
    private static final ConsumptionTagger TAGGER = TestConfig.flatTagger(Map.of());

    static TagValue tag(ConsumptionTagger tagger, Customers customer, String dimension) {
        return tag(tagger.evaluate(customer.build(), AS_OF), dimension);
    }

    static TagValue tag(List<TagValue> tags, String dimension) {
        return tags.stream().filter(t -> t.dimension().equals(dimension)).findFirst().orElseThrow();
    }

    static TagValue tag(Customers customer, String dimension) {
        return tag(TAGGER, customer, dimension);
    }

    @Test
    void sixDimensionsInAFixedOrder() {
        List<TagValue> tags = TAGGER.evaluate(Customers.resident().year(200).build(), AS_OF);
        assertEquals(List.of("category", "value", "pattern", "trend", "violation", "advice"),
                tags.stream().map(TagValue::dimension).toList());
        assertEquals(List.of("resident-medium", "medium", "balanced", "stable", "none", "energy-guidance"),
                tags.stream().map(TagValue::value).toList());
    }

    @Nested
    class Category {
        @ParameterizedTest
        @CsvSource({"149, resident-small", "150, resident-medium", "209, resident-medium", "210, resident-large"})
        void residentsBySizeOfTheYear(double monthly, String expected) {
            assertEquals(expected, tag(Customers.resident().year(monthly), "category").value());
        }

        @Test
        void reasonGivesTheYearAndTheThresholds() {
            TagValue category = tag(Customers.resident().year(210), "category");
            assertEquals("Resident: 2,520 kWh in the 12 months to 2026-06; small below 1,800, large from 2,520 kWh a year",
                    category.reason());
            assertEquals(1.0, category.score(), 1e-9);
            assertEquals("Resident on a prepaid meter: 1,800 kWh in the 12 months to 2026-06; small below 1,800, "
                    + "large from 2,520 kWh a year", tag(Customers.prepaid().year(150), "category").reason());
        }

        @Test
        void yearIsAnnualisedFromTheMeteredMonths() {
            TagValue category = tag(Customers.resident().totals(210, 210, 210, 210, MISSING, MISSING, MISSING, MISSING,
                    210, 210, 210, 210), "category");
            assertEquals("resident-large", category.value());
            assertEquals("Resident: 2,520 kWh a year, annualised from 8 metered months of the 12 to 2026-06; "
                    + "small below 1,800, large from 2,520 kWh a year", category.reason());
        }

        @ParameterizedTest
        @CsvSource({"99.9, enterprise-small", "100, enterprise-medium", "314, enterprise-medium", "315, enterprise-large"})
        void enterprisesByContractedCapacityEvenWithoutConsumption(double kva, String expected) {
            List<TagValue> tags = TAGGER.evaluate(Customers.enterprise(kva).build(), AS_OF);
            assertEquals(expected, tag(tags, "category").value());
            for (String dimension : List.of("value", "pattern", "trend", "violation")) {
                assertTrue(tag(tags, dimension).isUnknown(), dimension);
            }
            assertEquals("Only 0 of the 12 months to 2026-06 metered, at least 6 needed", tag(tags, "trend").reason());
        }

        @ParameterizedTest
        @CsvSource({"24999, enterprise-small", "25000, enterprise-medium", "83333, enterprise-medium",
                "83334, enterprise-large"})
        void enterprisesWithoutCapacityByTheYear(double monthly, String expected) {
            assertEquals(expected, tag(Customers.enterprise(null).year(monthly), "category").value());
        }

        @Test
        void enterpriseWithoutCapacityOrConsumptionIsUnknown() {
            TagValue category = tag(Customers.enterprise(null), "category");
            assertTrue(category.isUnknown());
            assertEquals("Enterprise (industry C26) with no contracted capacity on record: only 0 of the 12 months to "
                    + "2026-06 metered, at least 6 needed to size the annual use", category.reason());
        }

        @Test
        void governmentBodiesAreOneCategory() {
            TagValue category = tag(Customers.government(), "category");
            assertEquals("government", category.value());
            assertEquals("Government body (industry S92): one category, not sized", category.reason());
        }

        @Test
        void kindMissingLeavesCategoryAndValueUnknown() {
            List<TagValue> tags = DEFAULTS.evaluate(Customers.ofKind(null).year(200).build(), AS_OF);
            assertEquals("Customer kind missing from the profile", tag(tags, "category").reason());
            assertTrue(tag(tags, "value").isUnknown());
            assertTrue(tag(tags, "trend").reason().contains("not seasonally adjusted (kind unknown)"));
            assertEquals("energy-guidance", tag(tags, "advice").value());
        }
    }

    @Nested
    class Value {
        @ParameterizedTest
        @CsvSource({"74.99, low", "75.00, medium", "124.99, medium", "125.00, high"})
        void residents(String monthly, String expected) {
            assertEquals(expected, tag(Customers.resident().monthlyAmount(monthly).year(100), "value").value());
        }

        @ParameterizedTest
        @CsvSource({"8333.33, low", "8333.34, medium", "83333.33, medium", "83333.34, high"})
        void enterprises(String monthly, String expected) {
            assertEquals(expected, tag(Customers.enterprise(400.0).monthlyAmount(monthly).year(10_000), "value").value());
        }

        @ParameterizedTest
        @CsvSource({"4999.99, low", "5000, medium", "24999.99, medium", "25000, high"})
        void governmentBodies(String monthly, String expected) {
            assertEquals(expected, tag(Customers.government().monthlyAmount(monthly).year(10_000), "value").value());
        }

        @Test
        void reasonAndScore() {
            TagValue value = tag(Customers.resident().monthlyAmount("125.00").year(100), "value");
            assertEquals("1,500 yuan in the 12 months to 2026-06; for residents low below 900, high from 1,500 yuan a year",
                    value.reason());
            assertEquals(1.0, value.score(), 1e-9);
        }

        @Test
        void unknownWithTooFewAmounts() {
            Customers customer = Customers.resident();
            for (int i = 0; i < 12; i++) {
                customer.month(FIRST.plusMonths(i), 60.0, 90.0, 50.0, i < 5 ? BigDecimal.TEN : null);
            }
            TagValue value = tag(customer, "value");
            assertTrue(value.isUnknown());
            assertEquals("Only 5 of the 12 months to 2026-06 with a billed amount, at least 6 needed", value.reason());
            assertEquals("resident-medium", tag(customer, "category").value());
        }

        @Test
        void amountsWithoutReadingsAreNotEnough() {
            Customers customer = Customers.resident();
            for (int i = 0; i < 12; i++) {
                customer.month(FIRST.plusMonths(i), i < 5 ? 60.0 : null, i < 5 ? 90.0 : null, i < 5 ? 50.0 : null,
                        new BigDecimal("200.00"));
            }
            TagValue value = tag(customer, "value");
            assertTrue(value.isUnknown());
            assertEquals("Only 5 of the 12 months to 2026-06 metered, at least 6 needed", value.reason());
        }
    }

    @Nested
    class Pattern {
        @ParameterizedTest
        @CsvSource({"38, 30, peak-heavy", "37, 30, valley-heavy", "37, 29, balanced", "45, 10, peak-heavy"})
        void fromThePeakAndValleyShares(double peak, double valley, String expected) {
            assertEquals(expected, tag(Customers.resident().shares(peak, valley).year(100), "pattern").value());
        }

        @Test
        void reasonCarriesTheSharesAndTheTrend() {
            TagValue pattern = tag(Customers.resident().shares(38, 30).year(100), "pattern");
            assertEquals("Peak 38%, flat 32%, valley 30% of 1,200 kWh in 12 months with all periods read (peak-heavy "
                    + "from 38%, valley-heavy from 30%); trend stable (0%)", pattern.reason());
            assertEquals(0.08, pattern.score(), 1e-9);
            assertTrue(tag(TAGGER, Customers.resident().lastThree(100, 120, 120, 120), "pattern").reason()
                    .endsWith("; trend rising (+20%)"));
        }

        @Test
        void monthsWithoutAllThreePeriodsDoNotCount() {
            Customers customer = Customers.resident();
            for (int i = 0; i < 12; i++) {
                customer.month(FIRST.plusMonths(i), 60.0, 90.0, i < 7 ? null : 50.0, BigDecimal.TEN);
            }
            List<TagValue> tags = TAGGER.evaluate(customer.build(), AS_OF);
            assertEquals("Only 5 of the 12 months to 2026-06 with peak, flat and valley all read, at least 6 needed",
                    tag(tags, "pattern").reason());
            assertTrue(tag(tags, "pattern").isUnknown());
            // the months are metered all the same
            assertEquals("none", tag(tags, "violation").value());
        }
    }

    @Nested
    class Trend {
        @ParameterizedTest
        @CsvSource({"115, 115, 115, rising", "130, 110, 105, rising", "114, 115, 115, stable", "86, 85, 85, stable",
                "85, 85, 85, falling", "0, 0, 0, falling"})
        void lastThreeMonthsAgainstTheEarlierMedian(double m4, double m5, double m6, String expected) {
            assertEquals(expected, tag(TAGGER, Customers.resident().lastThree(100, m4, m5, m6), "trend").value());
        }

        @Test
        void reasonAndScore() {
            TagValue trend = tag(TAGGER, Customers.resident().lastThree(100, 115, 115, 115), "trend");
            assertEquals("Last 3 months (2026-04 to 2026-06) +15% on the median of the 9 earlier months, seasonally "
                    + "adjusted; raw 115 vs 100 kWh a month; rising from +15%, falling from -15%", trend.reason());
            assertEquals(0.15, trend.score(), 1e-9);
        }

        @Test
        void seasonalAdjustmentComparesLikeWithLike() {
            // exactly the default resident seasonal shape, July to June: no change of habit
            Customers seasonal = Customers.resident().totals(202.5, 210, 150, 123, 132, 165, 180, 165, 135, 120, 123, 150);
            TagValue adjusted = tag(DEFAULTS, seasonal, "trend");
            assertEquals("stable", adjusted.value());
            assertEquals(0, adjusted.score(), 1e-9);
            // without the adjustment the spring months look like a fall from the winter and summer peaks
            TagValue raw = tag(TAGGER, seasonal, "trend");
            assertEquals("falling", raw.value());
            assertEquals(131.0 / 165 - 1, raw.score(), 1e-9);
        }

        @Test
        void aRecentMonthNotMeteredLeavesItUnknown() {
            TagValue trend = tag(Customers.resident().lastThree(200, 200, MISSING, 200), "trend");
            assertTrue(trend.isUnknown());
            assertEquals("2026-05 not metered; the trend needs the last 3 months", trend.reason());
        }

        @Test
        void recentMonthsAreConfigurable() {
            Customers customer = Customers.resident().lastThree(100, 100, 100, 130);
            assertEquals("stable", tag(TAGGER, customer, "trend").value());
            TagValue trend = tag(TestConfig.flatTagger(Map.of("trendMonths", 1)), customer, "trend");
            assertEquals("rising", trend.value());
            assertTrue(trend.reason().startsWith("Last month (2026-06) +30% on the median of the 11 earlier months"),
                    trend.reason());
        }
    }

    @Nested
    class Violation {
        @Test
        void sustainedDropIsSuspected() {
            TagValue violation = tag(Customers.resident().lastThree(200, 79, 60, 10), "violation");
            assertEquals("suspected", violation.value());
            assertEquals("2026-04, 2026-05, 2026-06 at 79, 60, 10 kWh: each below 40% of the median of the 9 earlier "
                    + "months (200 kWh)", violation.reason());
            assertEquals(1 - 79.0 / 200, violation.score(), 1e-9);
        }

        @Test
        void exactlyAtTheThresholdIsNotSuspected() {
            TagValue violation = tag(Customers.resident().lastThree(200, 80, 80, 80), "violation");
            assertEquals("none", violation.value());
            assertEquals("2026-04, 2026-05, 2026-06 at 80, 80, 80 kWh: the highest at 40% of the median of the 9 "
                    + "earlier months (200 kWh); suspected when all are below 40%", violation.reason());
            assertEquals(0, violation.score());
        }

        @Test
        void oneNormalMonthClearsTheDrop() {
            assertEquals("none", tag(Customers.resident().lastThree(200, 79, 100, 10), "violation").value());
        }

        @Test
        void aMonthWithNothingReadIsMissingNotZero() {
            TagValue violation = tag(Customers.resident().lastThree(200, 10, MISSING, 10), "violation");
            assertTrue(violation.isUnknown());
            assertEquals("2026-05 not metered; a drop is judged on the last 3 months", violation.reason());
        }

        @Test
        void aMonthWithOnePeriodMissingIsMetered() {
            Customers customer = Customers.resident();
            for (int i = 0; i < 9; i++) {
                customer.month(FIRST.plusMonths(i), 200);
            }
            customer.month(YearMonth.of(2026, 4), 20).month(YearMonth.of(2026, 5), 20)
                    .month(YearMonth.of(2026, 6), 20.0, 30.0, null, BigDecimal.ONE);
            TagValue violation = tag(customer, "violation");
            assertEquals("suspected", violation.value());
            assertTrue(violation.reason().startsWith("2026-04, 2026-05, 2026-06 at 20, 20, 50 kWh"), violation.reason());
        }

        @Test
        void tooLittleHistoryIsUnknown() {
            Customers fiveMonths = Customers.resident().totals(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
                    MISSING, 200, 200, 10, 10, 10);
            List<TagValue> tags = TAGGER.evaluate(fiveMonths.build(), AS_OF);
            for (String dimension : List.of("category", "value", "pattern", "trend", "violation")) {
                assertTrue(tag(tags, dimension).isUnknown(), dimension);
            }
            assertEquals("Only 5 of the 12 months to 2026-06 metered, at least 6 needed", tag(tags, "violation").reason());
            assertEquals("energy-guidance", tag(tags, "advice").value());
            // six months, three of them before the drop, are enough
            Customers sixMonths = Customers.resident().totals(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
                    200, 200, 200, 10, 10, 10);
            assertEquals("suspected", tag(sixMonths, "violation").value());
        }

        @Test
        void fewerThanThreeEarlierMonthsGiveNoBaseline() {
            Customers customer = Customers.resident().totals(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
                    MISSING, 200, 200, 10, 10, 10);
            TagValue violation = tag(TestConfig.flatTagger(Map.of("minMeteredMonths", 5)), customer, "violation");
            assertTrue(violation.isUnknown());
            assertEquals("Only 2 metered months before the last 3 months, at least 3 needed", violation.reason());
        }

        @Test
        void newAccountsAreNotJudged() {
            TagValue violation = tag(Customers.resident().opened(LocalDate.of(2025, 9, 1)).lastThree(200, 10, 10, 10),
                    "violation");
            assertTrue(violation.isUnknown());
            assertEquals("Account opened on 2025-09-01, within the 12 months to 2026-06: too new to judge",
                    violation.reason());
            assertEquals("suspected", tag(Customers.resident().opened(LocalDate.of(2025, 7, 1))
                    .lastThree(200, 10, 10, 10), "violation").value());
        }

        @Test
        void nearZeroRunOnAContractedCapacity() {
            TagValue violation = tag(Customers.resident().kva(8.0).year(0), "violation");
            assertEquals("suspected", violation.value());
            assertEquals("Last 6 months (2026-01 to 2026-06) at most 0 kWh each on 8 kVA contracted (near zero: up to "
                    + "8 kWh a month, 1 h at full load)", violation.reason());
            assertEquals(1, violation.score());
            // at the limit, kVA x 1 h
            assertEquals("suspected", tag(Customers.resident().kva(8.0).year(8), "violation").value());
            Customers above = Customers.resident().kva(8.0).totals(8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8.5);
            assertEquals("none", tag(above, "violation").value());
        }

        @Test
        void nearZeroNeedsAContractedCapacity() {
            TagValue violation = tag(Customers.resident().kva(null).year(0), "violation");
            assertEquals("none", violation.value());
            assertEquals("No consumption in the 9 earlier months to measure a drop against, and no near-zero run on a "
                    + "contracted capacity", violation.reason());
        }

        @Test
        void nearZeroIsConfigurable() {
            Customers customer = Customers.resident().kva(8.0).year(8);
            assertEquals("none", tag(TestConfig.flatTagger(Map.of("nearZeroMonths", 0)), customer, "violation").value());
            assertEquals("none", tag(TestConfig.flatTagger(Map.of("nearZeroFullLoadHours", 0.5)), customer, "violation")
                    .value());
            assertEquals("suspected", tag(TestConfig.flatTagger(Map.of("nearZeroFullLoadHours", 0.5)),
                    Customers.resident().kva(8.0).year(4), "violation").value());
        }

        @Test
        void dropThresholdIsConfigurable() {
            Customers customer = Customers.resident().lastThree(200, 90, 90, 90);
            assertEquals("none", tag(customer, "violation").value());
            assertEquals("suspected", tag(TestConfig.flatTagger(Map.of("violationPercent", 50)), customer, "violation")
                    .value());
        }
    }

    @Nested
    class Window {
        @Test
        void monthsOutsideTheTwelveAreIgnored() {
            CustomerSnapshot plain = Customers.resident().year(200).build();
            CustomerSnapshot extra = Customers.resident().year(200).month(YearMonth.of(2026, 7), 0)
                    .month(YearMonth.of(2025, 6), 0).month(YearMonth.of(2024, 1), 5_000).build();
            assertEquals(TAGGER.evaluate(plain, AS_OF), TAGGER.evaluate(extra, AS_OF));
        }

        @Test
        void aMonthStillRunningIsLeftOut() {
            CustomerSnapshot customer = Customers.resident().year(200).month(YearMonth.of(2026, 7), 0).build();
            assertEquals(TAGGER.evaluate(customer, AS_OF), TAGGER.evaluate(customer, LocalDate.of(2026, 7, 15)));
            assertEquals(TAGGER.evaluate(customer, AS_OF), TAGGER.evaluate(customer, LocalDate.of(2026, 7, 1)));
            // once July is over it counts
            TagValue trend = tag(TAGGER.evaluate(customer, LocalDate.of(2026, 7, 31)), "trend");
            assertEquals("falling", trend.value());
            assertTrue(trend.reason().startsWith("Last 3 months (2026-05 to 2026-07) -33%"), trend.reason());
        }
    }

    @Nested
    class Advice {
        @Test
        void peakHeavyResidentsAreOfferedThePeakValleyTariff() {
            TagValue advice = tag(Customers.resident().shares(40, 25).year(150), "advice");
            assertEquals("peak-valley", advice.value());
            assertEquals(1, advice.score());
            assertTrue(advice.reason().startsWith("About 40% of your electricity is used in peak hours; moving flexible "
                    + "use"), advice.reason());
        }

        @Test
        void largeResidentsGetEnergySaving() {
            TagValue advice = tag(Customers.resident().year(210), "advice");
            assertEquals("energy-saving", advice.value());
            assertEquals("Your use of about 2,520 kWh a year is on the high side; efficient appliances and moderate "
                    + "heating and cooling settings can lower your bill, and our staff will gladly advise you.",
                    advice.reason());
        }

        @Test
        void risingResidentsGetEnergySaving() {
            TagValue advice = tag(TAGGER, Customers.resident().lastThree(100, 120, 120, 120), "advice");
            assertEquals("energy-saving", advice.value());
            assertTrue(advice.reason().startsWith("Your electricity use has risen by about 20% in recent months"),
                    advice.reason());
        }

        @Test
        void otherResidentsGetGuidance() {
            TagValue advice = tag(Customers.resident().year(150), "advice");
            assertEquals("energy-guidance", advice.value());
            assertEquals(0, advice.score());
        }

        @Test
        void suspectedViolationComesFirst() {
            TagValue advice = tag(Customers.resident().shares(40, 25).lastThree(300, 50, 50, 50), "advice");
            assertEquals("compliant-use", advice.value());
            assertEquals(1, advice.score());
            assertTrue(advice.reason().startsWith("Please use electricity only through your own meter"));
        }

        @Test
        void nonResidentsGetGuidanceAgainstViolations() {
            TagValue enterprise = tag(Customers.enterprise(400.0).shares(45, 10).year(100_000), "advice");
            assertEquals("compliant-use", enterprise.value());
            assertEquals(0.5, enterprise.score());
            assertTrue(enterprise.reason().startsWith("Please use electricity within your contracted capacity"));
            assertEquals("compliant-use", tag(Customers.government().year(10_000), "advice").value());
        }

        @Test
        void withoutTheComplianceRuleNonResidentsFollowTheirFindings() {
            ConsumptionTagger tagger = TestConfig.flatTagger(Map.of("nonResidentComplianceAdvice", false));
            TagValue large = tag(tagger, Customers.enterprise(400.0).year(100_000), "advice");
            assertEquals("energy-saving", large.value());
            assertTrue(large.reason().startsWith("As one of our larger customers"));
            assertEquals("peak-valley", tag(tagger, Customers.government().shares(45, 15).year(10_000), "advice").value());
            assertEquals("energy-guidance", tag(tagger, Customers.enterprise(200.0).year(30_000), "advice").value());
        }
    }

    @Test
    void changingTheConfigurationChangesTheVerdict() {
        Customers customer = Customers.resident().year(200);
        assertEquals("resident-medium", tag(customer, "category").value());
        assertEquals("resident-large", tag(TestConfig.flatTagger(Map.of("residentLargeKwh", 2_400)), customer, "category")
                .value());
        assertEquals("balanced", tag(customer, "pattern").value());
        assertEquals("peak-heavy", tag(TestConfig.flatTagger(Map.of("peakHeavyPercent", 30)), customer, "pattern").value());
    }
}
