package org.smarthall.grade.complaint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.grade.complaint.internal.History.AS_OF;
import static org.smarthall.grade.complaint.internal.History.at;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.WorkOrderKind;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.GradingException;
import org.smarthall.testing.Annotations;

/** The model on synthetic populations whose complaints follow a known rule, or none. */
class ComplaintRiskModelTest {
    private static final int CUSTOMERS = 4_000;
    private static FittedModel signal;

    private static ComplaintRiskModel model(Map<String, Object> config) {
        return new ComplaintRiskModel(Annotations.of(ComplaintConfig.class, config));
    }

    @BeforeAll
    static void fitOnTheSignal() throws GradingException {
        Synthetic population = Synthetic.signal(CUSTOMERS, 42);
        signal = model(Map.of()).fit(population, AS_OF);
        assertEquals(2, population.scans);
        System.out.println("signal: " + signal.quality());
    }

    /** A customer troubled in the last quarter: 3 failed purchases and a rating of 1 since the test cut. */
    private static CustomerSnapshot troubled() {
        return new History("3799999999", CustomerKind.PREPAID_RESIDENT)
                .order(WorkOrderKind.FAILED_PURCHASE, "2026-05-03T21:00")
                .order(WorkOrderKind.FAILED_PURCHASE, "2026-05-04T08:10")
                .order(WorkOrderKind.FAILED_PURCHASE, "2026-06-11T19:30")
                .rating(at("2026-06-12T10:00"), 1).build();
    }

    @Test
    void theHeldOutAucFindsTheRule() {
        Map<String, Double> q = signal.quality();
        assertTrue(q.get("auc") > 0.7, "AUC " + q.get("auc"));
        // the test cut sees everyone but the 2% opened in the last 170 days after it, the training cut fewer
        assertTrue(q.get("testSize") > q.get("trainSize") && q.get("trainSize") > 0.9 * CUSTOMERS, q.toString());
        // 0.15 x 0.6 + 0.85 x 0.02 = 10.7% complain in a quarter
        assertEquals(0.107, q.get("baseRate"), 0.02);
        assertEquals(q.get("positives"), ((Number) classBalance(signal).get("trainPositives")).doubleValue());
        for (String key : List.of("auc", "baseRate", "trainSize", "testSize", "positives", "testPositives", "trainAuc",
                "trainBaseRate", "customers", "meanProbability", "share.high", "share.medium", "share.low")) {
            assertTrue(q.containsKey(key), key);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> classBalance(FittedModel fitted) {
        return (Map<String, Object>) fitted.parameters().get("classBalance");
    }

    @Test
    void theParametersTellHowTheRunWasMade() {
        Map<String, Object> p = signal.parameters();
        assertEquals("2026-01-01", p.get("trainCut"));
        assertEquals("2026-04-01", p.get("testCut"));
        assertEquals("2026-06-30", p.get("asOf"));
        assertEquals(Feature.COUNT, ((List<?>) p.get("features")).size());
        assertEquals("complaints.90d", ((List<?>) p.get("features")).get(0));
        assertTrue(((String) p.get("classifier")).startsWith("smile.classification.LogisticRegression"));
        @SuppressWarnings("unchecked")
        Map<String, Object> coefficients = (Map<String, Object>) p.get("coefficients");
        assertEquals(Feature.COUNT + 1, coefficients.size());
        // the rule's facts weigh most
        double failed = (Double) coefficients.get("failedPurchases.90d");
        double dissatisfied = (Double) coefficients.get("dissatisfied.180d");
        assertTrue(failed > 0.3 && dissatisfied > 0, coefficients.toString());
        assertEquals(1.0, p.get("lambda"));
        assertEquals(List.of("RESIDENT", "PREPAID_RESIDENT", "ENTERPRISE", "GOVERNMENT"), p.get("kinds"));
    }

    @Test
    void gradesByRankTopFivePercentHigh() {
        Map<String, Double> q = signal.quality();
        assertTrue(q.get("share.high") <= 0.05 && q.get("share.high") > 0.03, q.toString());
        assertTrue(q.get("share.high") + q.get("share.medium") <= 0.20, q.toString());
        assertEquals(1.0, q.get("share.high") + q.get("share.medium") + q.get("share.low"), 1e-9);

        Grade high = signal.grade(troubled());
        assertEquals("high", high.grade(), high.reason());
        assertTrue(high.score() > 0.3, high.reason());
        assertTrue(high.reason().matches("\\d+\\.\\d% chance of a complaint in the 90 days after 2026-06-30: high"
                + " \\(top 5%: above \\d+\\.\\d%\\); .*"), high.reason());
        assertTrue(high.reason().contains("3 failed-purchase orders in the last 90 days (+"), high.reason());
        assertTrue(high.reason().contains("1 dissatisfied rating (score 1 or 2) in the last 180 days (+"), high.reason());

        Grade low = signal.grade(History.resident().build());
        assertEquals("low", low.grade(), low.reason());
        assertTrue(low.score() < 0.05, low.reason());
    }

    @Test
    void theRankedListPutsTheTroubledFirst() {
        // the customers troubled in the last quarter are about 15%: most of the top 5% must be among them
        List<double[]> scored = new ArrayList<>();
        Synthetic.signal(2_000, 7).forEach(c -> scored.add(new double[] {signal.grade(c).score(),
                c.workOrders().stream().filter(o -> o.kind() == WorkOrderKind.FAILED_PURCHASE
                        && o.opened().isAfter(at("2026-04-02T00:00").minusSeconds(1))).count() >= 2 ? 1 : 0}));
        scored.sort((a, b) -> Double.compare(b[0], a[0]));
        int troubledOnTop = 0;
        for (int i = 0; i < 100; i++) {
            troubledOnTop += (int) scored.get(i)[1];
        }
        assertTrue(troubledOnTop >= 90, troubledOnTop + " of the top 100");
    }

    @Test
    void sameDataSameModel() throws GradingException {
        FittedModel again = model(Map.of()).fit(Synthetic.signal(CUSTOMERS, 42), AS_OF);
        assertEquals(signal.parameters(), again.parameters());
        assertEquals(signal.quality(), again.quality());
        assertEquals(signal.grade(troubled()), again.grade(troubled()));
    }

    @Test
    void pureNoiseGivesAnAucOfAboutOneHalf() throws GradingException {
        FittedModel noise = model(Map.of()).fit(Synthetic.noise(CUSTOMERS, 43, 0.08), AS_OF);
        System.out.println("noise: " + noise.quality());
        assertEquals(0.5, noise.quality().get("auc"), 0.06);
    }

    /**
     * The label's complaint is the only thing that sets complainers apart, and it leaves tell-tales
     * right after it (a rating of 1, the order unresolved or resolved with satisfaction 1): were any
     * of them visible at the cut, the held-out AUC would be near 1.
     */
    @Test
    void nothingAfterTheCutLeaksIntoTheFeatures() throws GradingException {
        FittedModel leaky = model(Map.of()).fit(Synthetic.noise(CUSTOMERS, 44, 0.08).leaky(), AS_OF);
        System.out.println("leak check: " + leaky.quality());
        assertEquals(0.5, leaky.quality().get("auc"), 0.06);
        assertEquals(0.5, leaky.quality().get("trainAuc"), 0.1);
    }

    @Test
    void refusesToLearnFromTooFewComplainers() {
        Synthetic rare = Synthetic.noise(CUSTOMERS, 45, 0.005);
        GradingException e = assertThrows(GradingException.class, () -> model(Map.of()).fit(rare, AS_OF));
        assertTrue(e.getMessage().matches("complaint-risk refuses to fit: \\d+ of the \\d+ customers of the training"
                + " sample complained in the 90 days after 2026-01-01; at least 30 \\(minPositives\\) are needed to"
                + " learn from"), e.getMessage());
    }

    @Test
    void refusesWithoutComplainersToTestOn() {
        List<CustomerSnapshot> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(new History(String.format("37%08d", i), CustomerKind.RESIDENT)
                    .order(WorkOrderKind.COMPLAINT, "2026-02-0" + (1 + i % 9) + "T10:00").build());
            customers.add(new History(String.format("38%08d", i), CustomerKind.RESIDENT).build());
        }
        GradingException e = assertThrows(GradingException.class,
                () -> model(Map.of()).fit(new ListPopulation(customers), AS_OF));
        assertEquals("complaint-risk refuses to fit: the test sample (100 customers at 2026-04-01) has 0 complainers"
                + " and 100 others in the 90 days to 2026-06-30: no AUC can be measured", e.getMessage());
    }

    @Test
    void gradesByProbability() throws GradingException {
        FittedModel byProbability = model(Map.of("gradeBy", "probability", "highFromPercent", 40.0,
                "mediumFromPercent", 10.0)).fit(Synthetic.signal(CUSTOMERS, 42), AS_OF);
        assertEquals(0.4, byProbability.parameters().get("cutoff.high"));
        assertEquals(0.1, byProbability.parameters().get("cutoff.medium"));
        Grade high = byProbability.grade(troubled());
        assertEquals("high", high.grade());
        assertTrue(high.reason().contains(": high (from 40.0%); "), high.reason());
        Grade low = byProbability.grade(History.resident().build());
        assertTrue(low.reason().contains(": low (below 10.0%)"), low.reason());
        // the same classifier as by rank: only the bars differ
        assertEquals(signal.parameters().get("coefficients"), byProbability.parameters().get("coefficients"));
    }

    @Test
    void gradesOnlyTheConfiguredKinds() throws GradingException {
        ComplaintRiskModel prepaidOnly = model(Map.of("kinds", new String[] {"prepaid_resident"}, "minPositives", 20));
        assertEquals(EnumSet.of(CustomerKind.PREPAID_RESIDENT), prepaidOnly.kinds());
        FittedModel fitted = prepaidOnly.fit(Synthetic.signal(CUSTOMERS, 42), AS_OF);
        assertTrue(fitted.quality().get("trainSize") < 0.4 * CUSTOMERS, fitted.quality().toString());
        assertEquals(Grade.unknown("complaint-risk does not grade resident customers (kinds [PREPAID_RESIDENT])"),
                fitted.grade(History.resident().build()));
        assertEquals("high", fitted.grade(troubled()).grade());
        assertEquals(Grade.unknown("account opened 2026-07-01, after 2026-06-30"),
                fitted.grade(new History("3700000009", CustomerKind.PREPAID_RESIDENT).opened(AS_OF.plusDays(1)).build()));
    }

    @Test
    void worksWithoutAConfigurationFile() {
        ComplaintRiskModel model = model(Map.of());
        assertEquals("complaint-risk", model.id());
        assertEquals(EnumSet.allOf(CustomerKind.class), model.kinds());
    }

    @Test
    void kindsFromACfgFileAreOneCommaSeparatedString() {
        assertEquals(EnumSet.of(CustomerKind.ENTERPRISE, CustomerKind.GOVERNMENT),
                model(Map.of("kinds", new String[] {"ENTERPRISE, government"})).kinds());
        assertEquals(EnumSet.of(CustomerKind.ENTERPRISE, CustomerKind.RESIDENT),
                model(Map.of("kinds", new String[] {"ENTERPRISE", " RESIDENT "})).kinds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "minPositives      | 0     | minPositives = 0 must be at least 1",
        "lambda            | 0.0   | lambda = 0.0 must be above 0",
        "maxIterations     | 0     | maxIterations = 0 must be at least 1",
        "gradeBy           | score | gradeBy = score must be rank or probability",
        "highTopPercent    | 0.0   | highTopPercent = 0.0 must be above 0 and below 100",
        "mediumNextPercent | 95.0  | mediumNextPercent = 95.0 must be at least 0, and below 100 with highTopPercent = 5.0",
        "highFromPercent   | 120.0 | highFromPercent = 120.0 must be above 0 and at most 100",
        "mediumFromPercent | 20.0  | mediumFromPercent = 20.0 must be above 0 and below highFromPercent = 20.0",
        "kinds             | HOUSEHOLD | kinds holds HOUSEHOLD, not one of RESIDENT, PREPAID_RESIDENT, ENTERPRISE, GOVERNMENT",
        "kinds             | ''    | kinds is empty: name at least one kind of customer",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, String value, String why) {
        Object typed = switch (attribute) {
            case "minPositives", "maxIterations" -> Integer.valueOf(value);
            case "gradeBy" -> value;
            case "kinds" -> new String[] {value};
            default -> Double.valueOf(value);
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(Map.of(attribute, typed)));
        assertEquals("complaint-risk configuration refused: " + why, e.getMessage());
    }
}
