package org.smarthall.grade.govahp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.grade.govahp.internal.GovBodies.AS_OF;
import static org.smarthall.grade.govahp.internal.GovBodies.body;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.GradingException;
import org.smarthall.grade.govahp.internal.GovBodies.ListPopulation;

/** Fitting on a population and grading with it: scores, boundaries, missing indicators, what a run records. */
class GovAhpFitTest {

    /** A provincial state organ in the capital: the largest on every indicator. */
    static GovBodies organ() {
        return body("3700000001").industry("S92").region("370102").kva(1000.0).flags("official").complaints(2)
                .monthlyKwh(100_000);
    }

    /** A villagers' committee: the smallest on every indicator. */
    static GovBodies committee() {
        return body("3700000002").industry("S96").region("371302").kva(100.0).monthlyKwh(10_000);
    }

    /** A county hospital: a critical industry, one complaint. */
    static GovBodies hospital() {
        return body("3700000003").industry("Q84").region("370881").kva(400.0).complaints(1).monthlyKwh(40_000);
    }

    private static FittedModel fit(Map<String, Object> config, GovBodies... bodies) throws GradingException {
        return GovAhpModelTest.model(config).fit(ListPopulation.of(bodies), AS_OF);
    }

    private static Map<?, ?> map(Object o) {
        return assertInstanceOf(Map.class, o);
    }

    @Test
    void gradesWithTheReasonSpelledOut() throws GradingException {
        FittedModel m = fit(Map.of(), organ(), committee(), hospital());
        assertEquals(new Grade("diamond", 100, "F 100.0 = 0.48 x social influence 100 (S92 80 + capital 20)"
                + " + 0.27 x supply dependency 100 (1000 kVA) + 0.16 x sensitivity 100 (official 60 + 2 complaints 40)"
                + " + 0.09 x consumption 100 (1200000 kWh); diamond (F > 80)"), m.grade(organ().build()));
        assertEquals(new Grade("gold", 0, "F 0.0 = 0.48 x social influence 0 (S96 30)"
                + " + 0.27 x supply dependency 0 (100 kVA) + 0.16 x sensitivity 0 (no flag, no complaint)"
                + " + 0.09 x consumption 0 (120000 kWh); gold (F <= 50)"), m.grade(committee().build()));
        Grade hospital = m.grade(hospital().build());
        assertEquals("platinum", hospital.grade());
        assertEquals("F 50.9 = 0.48 x social influence 43 (Q84 60) + 0.27 x supply dependency 80 (400 kVA;"
                + " Q84 critical, at least 80) + 0.16 x sensitivity 20 (1 complaint 20) + 0.09 x consumption 60"
                + " (480000 kWh); platinum (50 < F <= 80)", hospital.reason());
    }

    /** Anyone holding a run's parameters can recompute a grade by hand: here, the hospital's. */
    @Test
    void aScoreIsReproducibleFromTheParametersAlone() throws GradingException {
        FittedModel m = fit(Map.of(), organ(), committee(), hospital());
        Map<?, ?> p = m.parameters();
        Map<?, ?> w = map(p.get("weights"));
        Map<?, ?> bounds = map(map(p.get("normalisation")).get("bounds"));
        double social = minMax(60, bounds.get("social-influence"));
        double supply = Math.max(minMax(400, bounds.get("supply-dependency")),
                ((Number) map(p.get("indicators")).get("criticalFloor")).doubleValue());
        double sensitivity = minMax(20, bounds.get("sensitivity"));
        double consumption = minMax(480_000, bounds.get("consumption"));
        double f = (Double) w.get("social-influence") * social + (Double) w.get("supply-dependency") * supply
                + (Double) w.get("sensitivity") * sensitivity + (Double) w.get("consumption") * consumption;
        assertEquals(f, m.grade(hospital().build()).score(), 1e-6);
        assertEquals(100 * 3 / 7.0, social, 1e-12);
        assertEquals(100 * Math.log10(4.8e5 / 1.2e5) / Math.log10(1.2e6 / 1.2e5), consumption, 1e-4);
    }

    private static double minMax(double x, Object boundsOfCriterion) {
        Map<?, ?> b = map(boundsOfCriterion);
        boolean log = b.get("scale").equals("log10(1 + x)");
        double lo = (Double) b.get("min");
        double hi = (Double) b.get("max");
        if (log) {
            return 100 * (Math.log10(1 + x) - Math.log10(1 + lo)) / (Math.log10(1 + hi) - Math.log10(1 + lo));
        }
        return 100 * (x - lo) / (hi - lo);
    }

    @Test
    void parametersRecordTheJudgementsWeightsQualityAndBounds() throws GradingException {
        FittedModel m = fit(Map.of(), organ(), committee(), hospital(), body("3700000009").kind(CustomerKind.ENTERPRISE));
        Map<String, Object> p = m.parameters();
        assertEquals("gov-ahp", p.get("model"));
        assertEquals("2026-10-31", p.get("asOf"));
        assertEquals("2025-11 to 2026-10", p.get("window"));
        assertEquals("2, 3, 5, 2, 3, 2", p.get("pairwise"));
        assertEquals(4, ((List<?>) p.get("matrix")).size());
        assertEquals(List.of("social-influence", "supply-dependency", "sensitivity", "consumption"),
                List.copyOf(map(p.get("weights")).keySet()));
        assertEquals(0.90, p.get("ri"));
        assertEquals(p.get("cr"), m.quality().get("cr"));
        assertEquals(p.get("lambdaMax"), m.quality().get("lambdaMax"));
        assertEquals(p.get("ci"), m.quality().get("ci"));
        assertEquals(List.of("cr", "lambdaMax", "ci"), List.copyOf(m.quality().keySet()));
        assertEquals(Map.of("diamondAbove", 80.0, "platinumAbove", 50.0), p.get("thresholds"));
        assertEquals("unknown", map(p.get("missingIndicator")).get("policy"));
        Map<?, ?> bounds = map(map(p.get("normalisation")).get("bounds"));
        assertEquals(Map.of("min", 30.0, "max", 100.0, "unit", "points", "scale", "linear"),
                bounds.get("social-influence"));
        assertEquals(Map.of("min", 100.0, "max", 1000.0, "unit", "kVA", "scale", "log10(1 + x)"),
                bounds.get("supply-dependency"));
        assertEquals(Map.of("min", 0.0, "max", 100.0, "unit", "points", "scale", "linear"), bounds.get("sensitivity"));
        assertEquals(Map.of("min", 120_000.0, "max", 1_200_000.0, "unit", "kWh", "scale", "log10(1 + x)"),
                bounds.get("consumption"));
        assertEquals(Map.of("customers", 4L, "government", 3L, "complete", 3L, "missing",
                Map.of("social-influence", 0L, "supply-dependency", 0L, "sensitivity", 0L, "consumption", 0L)),
                p.get("population"));
        assertJson(p);
    }

    /** Only strings, numbers, booleans, lists and string-keyed maps: what a run stores as JSON. */
    private static void assertJson(Object value) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                assertInstanceOf(String.class, k);
                assertJson(v);
            });
        } else if (value instanceof List<?> l) {
            l.forEach(GovAhpFitTest::assertJson);
        } else {
            assertTrue(value instanceof String || value instanceof Number || value instanceof Boolean,
                    "not JSON: " + value);
            if (value instanceof Double d) {
                assertTrue(Double.isFinite(d), "not JSON: " + d);
            }
        }
    }

    @Test
    void fittingTwiceOnTheSamePopulationGivesTheSameParameters() throws GradingException {
        GovAhpModel model = GovAhpModelTest.model(Map.of());
        ListPopulation population = ListPopulation.of(organ(), committee(), hospital());
        FittedModel first = model.fit(population, AS_OF);
        FittedModel second = model.fit(population, AS_OF);
        assertNotSame(first, second);
        assertEquals(first.parameters(), second.parameters());
        assertEquals(first.parameters().toString(), second.parameters().toString());
        assertEquals(first.quality(), second.quality());
        assertEquals(2, population.scans);
        List<CustomerSnapshot> reversed = new ArrayList<>(List.of(organ().build(), committee().build(), hospital().build()));
        Collections.reverse(reversed);
        assertEquals(first.parameters(), model.fit(new ListPopulation(reversed), AS_OF).parameters());
        assertEquals(first.grade(hospital().build()), second.grade(hospital().build()));
    }

    /** F exactly at a threshold takes the lower grade: diamond F > 80, platinum 50 < F <= 80, gold F <= 50. */
    @Test
    void boundariesExactlyAsWritten() throws GradingException {
        // one criterion (weight 1) on a linear scale from 0 to 10,000 kWh: F = kWh / 100
        FittedModel m = fit(Map.of("criteria", "consumption", "pairwise", "", "logScale", false),
                body("1").yearKwh(0), body("2").yearKwh(10_000));
        assertGrade("gold", 0, m, 0);
        assertGrade("gold", 50, m, 5_000);
        assertGrade("platinum", 50.0001, m, 5_000.01);
        assertGrade("platinum", 80, m, 8_000);
        assertGrade("diamond", 80.0001, m, 8_000.01);
        assertGrade("diamond", 100, m, 10_000);
        assertEquals("F 80.0 = 1.00 x consumption 80 (8000 kWh); platinum (50 < F <= 80)",
                m.grade(body("3").yearKwh(8_000).build()).reason());
        assertEquals("F 80.0001 = 1.00 x consumption 80 (8000 kWh); diamond (F > 80)",
                m.grade(body("3").yearKwh(8_000.01).build()).reason());
        assertEquals("F 50.0 = 1.00 x consumption 50 (5000 kWh); gold (F <= 50)",
                m.grade(body("3").yearKwh(5_000).build()).reason());
        assertEquals("F 50.0001 = 1.00 x consumption 50 (5000 kWh); platinum (50 < F <= 80)",
                m.grade(body("3").yearKwh(5_000.01).build()).reason());
    }

    private static void assertGrade(String grade, double f, FittedModel m, double kwh) {
        Grade g = m.grade(body("3").yearKwh(kwh).build());
        assertEquals(grade, g.grade(), g.reason());
        assertEquals(f, g.score(), 1e-9);
    }

    @Test
    void thresholdsAreConfigurable() throws GradingException {
        FittedModel m = fit(Map.of("criteria", "consumption", "pairwise", "", "logScale", false, "diamondAbove", 90.0,
                "platinumAbove", 60.5), body("1").yearKwh(0), body("2").yearKwh(10_000));
        assertEquals("platinum", m.grade(body("3").yearKwh(9_000).build()).grade());
        assertEquals("gold", m.grade(body("3").yearKwh(6_050).build()).grade());
        assertTrue(m.grade(body("3").yearKwh(6_050).build()).reason().endsWith("; gold (F <= 60.5)"));
    }

    @Test
    void customersGradedOutsideTheFittedBoundsAreClamped() throws GradingException {
        FittedModel m = fit(Map.of("criteria", "consumption", "pairwise", "", "logScale", false),
                body("1").yearKwh(1_000), body("2").yearKwh(10_000));
        assertEquals(new Grade("diamond", 100, "F 100.0 = 1.00 x consumption 100 (20000 kWh, above the fitted maximum);"
                + " diamond (F > 80)"), m.grade(body("3").yearKwh(20_000).build()));
        assertEquals(new Grade("gold", 0, "F 0.0 = 1.00 x consumption 0 (500 kWh, below the fitted minimum);"
                + " gold (F <= 50)"), m.grade(body("3").yearKwh(500).build()));
    }

    @Test
    void anIndicatorWithoutSpreadGivesEveryoneTheMiddle() throws GradingException {
        FittedModel m = fit(Map.of("criteria", "sensitivity, consumption", "pairwise", "1"),
                body("1").monthlyKwh(1_000), body("2").monthlyKwh(2_000));
        assertEquals(Map.of("min", 0.0, "max", 0.0, "unit", "points", "scale", "linear"),
                map(map(m.parameters().get("normalisation")).get("bounds")).get("sensitivity"));
        assertEquals("F 75.0 = 0.50 x sensitivity 50 (no flag, no complaint) + 0.50 x consumption 100 (24000 kWh);"
                + " platinum (50 < F <= 80)", m.grade(body("2").monthlyKwh(2_000).build()).reason());
    }

    /** A body missing an indicator: graded unknown with the reason, never given the mean; the bounds ignore it. */
    @Test
    void missingIndicatorsMakeTheGradeUnknown() throws GradingException {
        GovBodies incomplete = body("3700000004").industry(null).kva(null).monthlyKwh(5_000).unmetered("2026-01")
                .unmetered("2026-02").unmetered("2026-03");
        FittedModel m = fit(Map.of(), organ(), committee(), hospital(), incomplete);
        assertEquals(Grade.unknown("social influence missing: no industry code; supply dependency missing: no"
                + " contracted capacity; consumption missing: 9 of the 12 months 2025-11 to 2026-10 metered, 10 needed"),
                m.grade(incomplete.build()));
        Map<?, ?> population = map(m.parameters().get("population"));
        assertEquals(4L, population.get("government"));
        assertEquals(3L, population.get("complete"));
        assertEquals(Map.of("social-influence", 1L, "supply-dependency", 1L, "sensitivity", 0L, "consumption", 1L),
                population.get("missing"));
        // the bounds are those of the three complete bodies: the hospital's grade is unchanged
        assertEquals(fit(Map.of(), organ(), committee(), hospital()).grade(hospital().build()),
                m.grade(hospital().build()));
    }

    @Test
    void theLowestPolicyCountsAMissingIndicatorAsZeroAndSaysSo() throws GradingException {
        GovBodies noCapacity = body("3700000004").industry("S91").region("370102").kva(null).monthlyKwh(100_000);
        FittedModel m = fit(Map.of("missingIndicator", "lowest"), organ(), committee(), hospital(), noCapacity);
        assertEquals("lowest", map(m.parameters().get("missingIndicator")).get("policy"));
        Grade g = m.grade(noCapacity.build());
        assertEquals("platinum", g.grade());
        assertEquals("F 57.1 = 0.48 x social influence 100 (S91 80 + capital 20) + 0.27 x supply dependency 0 (missing:"
                + " no contracted capacity; counted 0) + 0.16 x sensitivity 0 (no flag, no complaint) + 0.09 x consumption"
                + " 100 (1200000 kWh); platinum (50 < F <= 80)", g.reason());
    }

    @Test
    void onlyGovernmentCustomersAreGraded() throws GradingException {
        FittedModel m = fit(Map.of(), organ(), committee());
        assertEquals(Grade.unknown("not a government customer"),
                m.grade(organ().kind(CustomerKind.ENTERPRISE).build()));
        assertEquals(Grade.unknown("not a government customer"), m.grade(organ().kind(null).build()));
    }

    @Test
    void aPopulationWithoutGovernmentCustomersIsRefused() {
        GradingException none = assertThrows(GradingException.class, () -> fit(Map.of()));
        assertEquals("no government customer among the 0 customers of the population: nothing to fit on",
                none.getMessage());
        GradingException enterprises = assertThrows(GradingException.class,
                () -> fit(Map.of(), organ().kind(CustomerKind.ENTERPRISE)));
        assertEquals("no government customer among the 1 customers of the population: nothing to fit on",
                enterprises.getMessage());
    }

    @Test
    void aCriterionNobodyHasIsRefused() {
        GradingException e = assertThrows(GradingException.class,
                () -> fit(Map.of(), organ().kva(null), committee().kva(null)));
        assertEquals("none of the 2 government customers has a value for supply dependency: its 0-100 scale cannot"
                + " be set", e.getMessage());
    }
}
