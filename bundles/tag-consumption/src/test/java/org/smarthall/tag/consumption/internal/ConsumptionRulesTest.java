package org.smarthall.tag.consumption.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumptionRulesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ConsumptionRules rules = ConsumptionRules.from(TestConfig.defaults());
        assertEquals(6, rules.minMeteredMonths());
        assertEquals(new Band("residentSmallKwh", 1_800, "residentLargeKwh", 2_520), rules.residentKwh());
        assertEquals(new Band("enterpriseMediumKva", 100, "enterpriseLargeKva", 315), rules.enterpriseKva());
        assertEquals(new Band("governmentValueLowYuan", 60_000, "governmentValueHighYuan", 300_000),
                rules.governmentYuan());
        assertEquals(38, rules.peakHeavyPercent());
        assertEquals(40, rules.violationPercent());
        assertEquals(1.40, rules.residentSeason().of(YearMonth.of(2026, 8)));
        assertEquals(0.80, rules.enterpriseSeason().of(YearMonth.of(2026, 2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "residentSmallKwh | 3000 | residentLargeKwh (2520.0) must be greater than residentSmallKwh (3000.0)",
            "residentLargeKwh | 1800 | residentLargeKwh (1800.0) must be greater than residentSmallKwh (1800.0)",
            "enterpriseLargeKva | 50 | enterpriseLargeKva (50.0) must be greater than enterpriseMediumKva (100.0)",
            "enterpriseMediumKwh | 0 | enterpriseMediumKwh must be a positive number, not 0.0",
            "enterpriseValueHighYuan | 100000 | enterpriseValueHighYuan (100000.0) must be greater than enterpriseValueLowYuan (100000.0)",
            "governmentValueLowYuan | -1 | governmentValueLowYuan must be a positive number, not -1.0",
            "residentValueLowYuan | NaN | residentValueLowYuan must be a positive number, not NaN",
            "minMeteredMonths | 0 | minMeteredMonths must be 1 to 12, not 0",
            "minMeteredMonths | 13 | minMeteredMonths must be 1 to 12, not 13",
            "trendMonths | 10 | trendMonths must be 1 to 9, not 10",
            "violationMonths | 0 | violationMonths must be 1 to 9, not 0",
            "nearZeroMonths | -1 | nearZeroMonths must be 0 to 12, not -1",
            "peakHeavyPercent | 120 | peakHeavyPercent must be more than 0 and at most 100, not 120.0",
            "valleyHeavyPercent | 0 | valleyHeavyPercent must be more than 0 and at most 100, not 0.0",
            "violationPercent | 100 | violationPercent must be more than 0 and below 100, not 100.0",
            "trendPercent | -5 | trendPercent must be more than 0 and at most 100, not -5.0",
            "nearZeroFullLoadHours | -1 | nearZeroFullLoadHours must be 0 or more, not -1.0",
            "residentSeason | '1,1,1,1,1,1,1,1,1,1,1' | residentSeason must list 12 positive numbers, January first, not 11: 1,1,1,1,1,1,1,1,1,1,1",
            "enterpriseSeason | '1,1,1,1,1,1,1,1,1,1,1,x' | 'enterpriseSeason: month 12 is not a number: ''x'''",
            "governmentSeason | '1,1,0,1,1,1,1,1,1,1,1,1' | governmentSeason: month 3 must be positive, not 0.0",
            "residentSeason | ' ' | residentSeason must list 12 positive numbers, January first; it is empty"})
    void nonsenseIsRefusedNamingTheAttribute(String attribute, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsumptionRules.from(TestConfig.with(attribute, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void seasonalIndexToleratesSpaces() {
        SeasonalIndex index = SeasonalIndex.parse("residentSeason", " 2, 1 ,1,1,1,1,1,1,1,1,1, 0.5 ");
        assertEquals(2, index.of(YearMonth.of(2026, 1)));
        assertEquals(0.5, index.of(YearMonth.of(2026, 12)));
    }

    @Test
    void bandsAreCutAtTheirThresholds() {
        Band band = new Band("low", 10, "high", 20);
        assertEquals(0, band.of(9.99));
        assertEquals(1, band.of(10));
        assertEquals(1, band.of(19.99));
        assertEquals(2, band.of(20));
    }
}
