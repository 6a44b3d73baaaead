package org.smarthall.grade.govahp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarthall.grade.govahp.internal.GovBodies.AS_OF;
import static org.smarthall.grade.govahp.internal.GovBodies.body;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.WorkOrderKind;
import org.smarthall.testing.Annotations;

/** The raw indicators with the default settings, as of 2026-10-31 (window 2025-11 to 2026-10). */
class GovernmentIndicatorsTest {
    private final GovernmentIndicators indicators = indicators(Map.of(), AS_OF);

    private static GovernmentIndicators indicators(Map<String, Object> config, LocalDate asOf) {
        return new GovernmentIndicators(GovAhpRules.of(Annotations.of(GovAhpConfig.class, config)).indicators(), asOf);
    }

    private Reading read(Criterion c, GovBodies b) {
        return indicators.read(c, b.build());
    }

    @Test
    void consumptionIsTheSumOfTheTwelveMonths() {
        assertEquals(Reading.of(120_000, "120000 kWh"), read(Criterion.CONSUMPTION, body("1").monthlyKwh(10_000)));
    }

    @Test
    void consumptionOfMonthsNotMeteredIsScaledToAYear() {
        assertEquals(Reading.of(120_000, "120000 kWh a year from 10 metered months"),
                read(Criterion.CONSUMPTION, body("1").monthlyKwh(10_000).unmetered("2026-07").unmetered("2026-08")));
        // a month with none of the three periods read was not metered; one period read is enough
        GovBodies periods = body("1").monthlyKwh(10_000).unmetered("2026-07").unmetered("2026-08")
                .consumption(new MonthlyConsumption(YearMonth.of(2026, 7), null, null, null, null))
                .consumption(new MonthlyConsumption(YearMonth.of(2026, 8), null, 4_000.0, 6_000.0, null));
        assertEquals(Reading.of(120_000, "120000 kWh a year from 11 metered months"),
                read(Criterion.CONSUMPTION, periods));
    }

    @Test
    void tooFewMeteredMonthsMakeConsumptionMissing() {
        GovBodies nine = body("1").monthlyKwh(10_000).unmetered("2025-11").unmetered("2025-12").unmetered("2026-01");
        assertEquals(Reading.missing("9 of the 12 months 2025-11 to 2026-10 metered, 10 needed"),
                read(Criterion.CONSUMPTION, nine));
        assertEquals(Reading.missing("0 of the 12 months 2025-11 to 2026-10 metered, 10 needed"),
                read(Criterion.CONSUMPTION, body("1")));
        Reading lenient = indicators(Map.of("minMeteredMonths", 9), AS_OF).read(Criterion.CONSUMPTION, nine.build());
        assertEquals(120_000, lenient.value(), 1e-9);
    }

    @Test
    void monthsOutsideTheWindowDoNotCount() {
        GovBodies b = body("1").monthlyKwh(10_000)
                .consumption(new MonthlyConsumption(YearMonth.of(2025, 10), 99_999.0, null, null, null))
                .consumption(new MonthlyConsumption(YearMonth.of(2026, 11), 99_999.0, null, null, null));
        assertEquals(120_000, read(Criterion.CONSUMPTION, b).value());
        // mid-month, the month still running is left out: the window is 2025-10 to 2026-09
        GovernmentIndicators midMonth = indicators(Map.of(), LocalDate.of(2026, 10, 15));
        assertEquals("2025-10 to 2026-09", midMonth.window());
        assertEquals(Reading.of(209_999, "209999 kWh"), midMonth.read(Criterion.CONSUMPTION, b.build()));
    }

    @Test
    void supplyDependencyIsTheContractedCapacity() {
        assertEquals(Reading.of(630, "630 kVA"), read(Criterion.SUPPLY_DEPENDENCY, body("1").kva(630.0)));
        assertEquals(Reading.of(12.5, "12.5 kVA"), read(Criterion.SUPPLY_DEPENDENCY, body("1").kva(12.5)));
        assertEquals(Reading.missing("no contracted capacity"), read(Criterion.SUPPLY_DEPENDENCY, body("1").kva(null)));
        assertEquals(Reading.missing("contracted capacity of 0 kVA"),
                read(Criterion.SUPPLY_DEPENDENCY, body("1").kva(0.0)));
    }

    @Test
    void criticalIndustriesHaveAFloor() {
        assertEquals(new Reading(50, 80, "50 kVA; Q8411 critical, at least 80", null),
                read(Criterion.SUPPLY_DEPENDENCY, body("1").industry("Q8411").kva(50.0)));
        assertEquals(new Reading(50, 80, "50 kVA; D4610 critical, at least 80", null),
                read(Criterion.SUPPLY_DEPENDENCY, body("1").industry("d4610").kva(50.0)));
        assertEquals(Reading.of(50, "50 kVA"), read(Criterion.SUPPLY_DEPENDENCY, body("1").industry("D44").kva(50.0)));
    }

    @Test
    void sensitivityFromFlagsAndComplaintsOfTheWindow() {
        assertEquals(Reading.of(0, "no flag, no complaint"), read(Criterion.SENSITIVITY, body("1")));
        assertEquals(Reading.of(60, "official 60"), read(Criterion.SENSITIVITY, body("1").flags("official")));
        assertEquals(Reading.of(0, "no flag, no complaint"), read(Criterion.SENSITIVITY, body("1").flags("elderly")));
        GovBodies complaints = body("1").flags("official", "enterprise_leader")
                .workOrder(WorkOrderKind.COMPLAINT, "2025-10-31T23:59") // before the window
                .workOrder(WorkOrderKind.COMPLAINT, "2025-11-01T00:00")
                .workOrder(WorkOrderKind.ENQUIRY, "2026-03-01T09:00")
                .workOrder(WorkOrderKind.COMPLAINT, "2026-10-31T23:59")
                .workOrder(WorkOrderKind.COMPLAINT, "2026-11-01T00:00"); // after it
        assertEquals(Reading.of(130, "official 60 + enterprise_leader 30 + 2 complaints 40"),
                read(Criterion.SENSITIVITY, complaints));
        assertEquals(Reading.of(60 + 30 + 40, "official 60 + enterprise_leader 30 + 5 complaints 40"),
                read(Criterion.SENSITIVITY, body("1").flags("official", "enterprise_leader").complaints(5)));
    }

    @Test
    void socialInfluenceFromTheIndustryAndTheCapital() {
        assertEquals(Reading.of(80, "S92 80"), read(Criterion.SOCIAL_INFLUENCE, body("1").industry("S92")));
        assertEquals(Reading.of(100, "S9221 80 + capital 20"),
                read(Criterion.SOCIAL_INFLUENCE, body("1").industry("S9221").region("370102")));
        assertEquals(Reading.of(40, "S97 40"), read(Criterion.SOCIAL_INFLUENCE, body("1").industry("S97")));
        assertEquals(Reading.of(20, "C26 20 (other industry)"),
                read(Criterion.SOCIAL_INFLUENCE, body("1").industry("C26")));
        assertEquals(Reading.missing("no industry code"), read(Criterion.SOCIAL_INFLUENCE, body("1").industry(" ")));
        assertEquals(Reading.missing("no region code"), read(Criterion.SOCIAL_INFLUENCE, body("1").region(null)));
        GovernmentIndicators hefei = indicators(Map.of("capitalRegions", "3401", "industryLevels", "S9:90"), AS_OF);
        assertEquals(Reading.of(110, "S92 90 + capital 20"),
                hefei.read(Criterion.SOCIAL_INFLUENCE, body("1").industry("S92").region("340104").build()));
    }
}
