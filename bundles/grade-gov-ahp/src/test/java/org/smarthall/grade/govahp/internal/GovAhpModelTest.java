package org.smarthall.grade.govahp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smarthall.grade.govahp.internal.GovBodies.AS_OF;
import static org.smarthall.grade.govahp.internal.GovBodies.body;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.GradingException;
import org.smarthall.grade.govahp.internal.GovBodies.ListPopulation;
import org.smarthall.testing.Annotations;

/** The component as Declarative Services activates it: defaults, refused configurations, inconsistent judgements. */
class GovAhpModelTest {

    static GovAhpModel model(Map<String, Object> config) {
        return new GovAhpModel(Annotations.of(GovAhpConfig.class, config));
    }

    private static ListPopulation three() {
        return ListPopulation.of(body("1").monthlyKwh(1000), body("2").kva(400.0).monthlyKwh(5000),
                body("3").industry("S96").monthlyKwh(300));
    }

    @Test
    void worksWithoutAConfigurationFile() throws GradingException {
        GovAhpModel model = model(Map.of());
        assertEquals("gov-ahp", model.id());
        assertEquals(Set.of(CustomerKind.GOVERNMENT), model.kinds());
        FittedModel fitted = model.fit(three(), AS_OF);
        assertEquals(List.of("social-influence", "supply-dependency", "sensitivity", "consumption"),
                fitted.parameters().get("criteria"));
    }

    /** The default judgements: social influence strongly above consumption, CR well under 0.10. */
    @Test
    void defaultMatrixWeightsAndConsistency() {
        PairwiseComparison pc = model(Map.of()).rules().comparison();
        double[] w = pc.weights().stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(new double[] {0.483, 0.272, 0.157, 0.088}, w, 5e-4);
        assertEquals(4.015, pc.lambdaMax(), 5e-4);
        assertEquals(0.005, pc.ci(), 5e-4);
        assertEquals(0.005, pc.cr(), 5e-4);
        assertEquals(List.of(List.of(1.0, 2.0, 3.0, 5.0), List.of(0.5, 1.0, 2.0, 3.0), List.of(1 / 3.0, 0.5, 1.0, 2.0),
                List.of(0.2, 1 / 3.0, 0.5, 1.0)), pc.rows());
    }

    @Test
    void reciprocalJudgementsAndOtherCriteria() throws GradingException {
        GovAhpModel model = model(Map.of("criteria", "Consumption, social-influence", "pairwise", "1/5"));
        FittedModel fitted = model.fit(three(), AS_OF);
        assertEquals(List.of("consumption", "social-influence"), fitted.parameters().get("criteria"));
        Map<?, ?> weights = (Map<?, ?>) fitted.parameters().get("weights");
        assertEquals(1 / 6.0, (Double) weights.get("consumption"), 1e-12);
        assertEquals(5 / 6.0, (Double) weights.get("social-influence"), 1e-12);
        assertEquals(0.0, fitted.quality().get("cr"));
    }

    @Test
    void inconsistentMatrixIsRefusedWhenFittingNamingTheCr() {
        // social influence a third of supply dependency, yet 3 and 5 times what supply dependency is 2 and 3 times
        GovAhpModel model = model(Map.of("pairwise", "1/3, 3, 5, 2, 3, 2"));
        GradingException e = assertThrows(GradingException.class, () -> model.fit(three(), AS_OF));
        assertEquals("pairwise comparison matrix is inconsistent: CR = 0.120 > 0.10 (lambda max 4.325, CI 0.108,"
                + " RI 0.90 for 4 criteria); revise the judgements in pairwise '1/3, 3, 5, 2, 3, 2' until CR <= 0.10",
                e.getMessage());
    }

    @Test
    void theLargestConsistencyRatioIsConfigurable() throws GradingException {
        FittedModel fitted = model(Map.of("pairwise", "1/3, 3, 5, 2, 3, 2", "maxConsistencyRatio", 0.15))
                .fit(three(), AS_OF);
        assertEquals(0.120, fitted.quality().get("cr"), 5e-4);
        GradingException e = assertThrows(GradingException.class,
                () -> model(Map.of("maxConsistencyRatio", 0.005)).fit(three(), AS_OF));
        assertEquals("pairwise comparison matrix is inconsistent: CR = 0.0054 > 0.005 (lambda max 4.015, CI 0.005,"
                + " RI 0.90 for 4 criteria); revise the judgements in pairwise '2, 3, 5, 2, 3, 2' until CR <= 0.005",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "criteria | social-influence, wealth | criteria: 'wealth' is not a criterion; use social-influence,"
                + " supply-dependency, sensitivity or consumption",
        "criteria | sensitivity, sensitivity | criteria names sensitivity twice, in 'sensitivity, sensitivity'",
        "criteria | ' ' | criteria is empty; name at least one of social-influence, supply-dependency, sensitivity or"
                + " consumption",
        "pairwise | 2, 3, 5 | pairwise has 3 values; 4 criteria need 6 (the upper triangle of the matrix, row by row:"
                + " a12, a13, a14, a23, a24, a34)",
        "pairwise | 2, 3, 10, 2, 3, 2 | pairwise: '10' (social-influence against consumption) is not on Saaty's"
                + " scale; write 1 to 9, or 1/2 to 1/9",
        "pairwise | 0.5, 3, 5, 2, 3, 2 | pairwise: '0.5' (social-influence against supply-dependency) is not on"
                + " Saaty's scale; write 1 to 9, or 1/2 to 1/9",
        "pairwise | 2, 3, 5, 2, 2/3, 2 | pairwise: '2/3' (supply-dependency against consumption) is not on Saaty's"
                + " scale; write 1 to 9, or 1/2 to 1/9",
        "maxConsistencyRatio | 0 | maxConsistencyRatio = 0 must be above 0 and at most 1",
        "diamondAbove | 100 | diamondAbove = 100 must be above platinumAbove = 50 and below 100",
        "platinumAbove | 80 | diamondAbove = 80 must be above platinumAbove = 80 and below 100",
        "platinumAbove | -1 | platinumAbove = -1 must be 0 or more",
        "missingIndicator | mean | missingIndicator = 'mean' must be unknown or lowest",
        "minMeteredMonths | 0 | minMeteredMonths = 0 must be between 1 and 12",
        "minMeteredMonths | 13 | minMeteredMonths = 13 must be between 1 and 12",
        "industryLevels | S92:120 | industryLevels: S92 = 120 must be between 0 and 100",
        "industryLevels | S92=80 | industryLevels: entry 'S92=80' is not key:points",
        "industryLevels | S92:high | industryLevels: entry 'S92:high' has no whole number after the colon",
        "industryLevels | 92:80 | industryLevels: '92' is not a GB/T 4754 code or prefix (a letter A to T and up to 4"
                + " digits, e.g. S92)",
        "industryLevels | S92:80, s92:70 | industryLevels names S92 twice, in 'S92:80, s92:70'",
        "otherIndustryLevel | 101 | otherIndustryLevel = 101 must be between 0 and 100",
        "capitalRegions | Jinan | capitalRegions: 'Jinan' is not a prefix of a 6-digit region code",
        "capitalPoints | -5 | capitalPoints = -5 must be between 0 and 100",
        "criticalIndustries | Q84, hospital | criticalIndustries: 'HOSPITAL' is not a GB/T 4754 code or prefix (a"
                + " letter A to T and up to 4 digits, e.g. S92)",
        "criticalFloor | 101 | criticalFloor = 101 must be between 0 and 100",
        "sensitiveFlagPoints | vip:50 | sensitiveFlagPoints: 'vip' is not a flag; flags are official, disabled,"
                + " enterprise_leader, elderly",
        "sensitiveFlagPoints | official:200 | sensitiveFlagPoints: official = 200 must be between 0 and 100",
        "pointsPerComplaint | -1 | pointsPerComplaint = -1 must be between 0 and 100",
        "complaintsMaxPoints | 101 | complaintsMaxPoints = 101 must be between 0 and 100",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, String value, String why)
            throws NoSuchMethodException {
        Class<?> type = GovAhpConfig.class.getMethod(attribute).getReturnType();
        Object typed = type == int.class ? Integer.valueOf(value) : type == double.class ? Double.valueOf(value) : value;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model(Map.of(attribute, typed)));
        assertEquals("gov-ahp configuration refused: " + why, e.getMessage());
    }
}
