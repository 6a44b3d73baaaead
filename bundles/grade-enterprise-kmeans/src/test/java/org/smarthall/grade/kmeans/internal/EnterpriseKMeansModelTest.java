package org.smarthall.grade.kmeans.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.grade.kmeans.internal.Enterprises.AS_OF;
import static org.smarthall.grade.kmeans.internal.Enterprises.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.GradingException;
import org.smarthall.grade.kmeans.internal.Enterprises.Group;
import org.smarthall.testing.Annotations;

/** The model as Declarative Services activates it, fitted on synthetic populations. */
class EnterpriseKMeansModelTest {

    private static EnterpriseKMeansModel model(Map<String, Object> config) {
        return new EnterpriseKMeansModel(Annotations.of(KMeansConfig.class, config));
    }

    private static final List<Group> GROUPS = new ArrayList<>();
    private static final List<CustomerSnapshot> THREE_GROUPS = Enterprises.threeGroups(200, 11, GROUPS);

    private static String expectedName(Group g) {
        return switch (g) {
            case GROWTH -> "growth";
            case MAINTAIN -> "maintain";
            case RISK -> "risk";
        };
    }

    @Test
    void worksWithoutAConfigurationFile() throws GradingException {
        EnterpriseKMeansModel model = model(Map.of());
        assertEquals("enterprise-kmeans", model.id());
        assertEquals(Set.of(CustomerKind.ENTERPRISE), model.kinds());
        FittedModel fit = model.fit(Enterprises.population(THREE_GROUPS), AS_OF);
        Map<String, Object> p = fit.parameters();
        assertEquals(3, p.get("k"));
        assertEquals(42L, p.get("seed"));
        assertEquals(10, p.get("restarts"));
        assertEquals(100, p.get("maxIterations"));
        assertEquals(1e-4, p.get("tolerance"));
        assertEquals("exclude", p.get("missingPolicy"));
        assertEquals("2026-10-31", p.get("asOf"));
        assertTrue((Integer) p.get("iterations") >= 1);
    }

    @Test
    void threeSeparatedGroupsAreRecoveredAndNamed() throws GradingException {
        FittedModel fit = model(Map.of()).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        for (int i = 0; i < THREE_GROUPS.size(); i++) {
            Grade grade = fit.grade(THREE_GROUPS.get(i));
            assertEquals(expectedName(GROUPS.get(i)), grade.grade(), grade.reason());
            assertTrue(grade.score() >= 0 && grade.score() < 3, grade.reason());
        }
        Map<String, Double> quality = fit.quality();
        assertTrue(quality.get("silhouette") > 0.35, "silhouette " + quality.get("silhouette"));
        assertEquals(1.0, quality.get("silhouetteExact"));
        assertEquals(600.0, quality.get("silhouettePoints"));
        assertEquals(600.0, quality.get("clustered"));
        assertTrue(quality.get("withinClusterSS") > 0);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) fit.parameters().get("clusters");
        Map<String, Map<String, Object>> byName = new HashMap<>();
        clusters.forEach(c -> byName.put((String) c.get("name"), c));
        assertEquals(Set.of("growth", "maintain", "risk"), byName.keySet());
        byName.values().forEach(c -> assertEquals(200, c.get("size")));
        // centroids in original units: the growth cluster's enterprises grew 50-70%, the risk cluster's industries buy 70% directly
        @SuppressWarnings("unchecked")
        Map<String, Object> growthReadable = (Map<String, Object>) byName.get("growth").get("centroidReadable");
        double rate = (Double) growthReadable.get("growthRate");
        assertTrue(rate > 0.5 && rate < 0.7, "growth centroid " + rate);
        @SuppressWarnings("unchecked")
        Map<String, Object> riskCentroid = (Map<String, Object>) byName.get("risk").get("centroid");
        assertEquals(0.70, (Double) riskCentroid.get("industryDirectPurchase"), 0.05);
        assertTrue((Double) riskCentroid.get("credit") < 70);
    }

    @Test
    void theReasonShowsTheFiguresBehindTheGrade() throws GradingException {
        FittedModel fit = model(Map.of()).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        Grade grade = fit.grade(enterprise().industry("I65").opened(AS_OF.minusYears(3)).consumption(100_000, 150_000)
                .bills(0, 0).build());
        assertEquals("growth", grade.grade());
        assertTrue(grade.reason().matches("growth: growth \\+50% \\(z [0-9.]+\\), prosperity 0\\.85, direct purchase 2%,"
                + " credit 100, account age 3\\.0 years, 1,500,000 kWh a year \u2014 nearest centroid [0-9.]+ away"),
                grade.reason());
    }

    @Test
    void theSamePopulationAndSeedGiveTheSameModel() throws Exception {
        FittedModel first = model(Map.of()).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        FittedModel again = CompletableFuture.supplyAsync(() -> {
            try {
                return model(Map.of()).fit(Enterprises.population(THREE_GROUPS), AS_OF);
            } catch (GradingException e) {
                throw new IllegalStateException(e);
            }
        }).get();
        assertEquals(first.parameters(), again.parameters());
        assertEquals(first.quality(), again.quality());
        for (CustomerSnapshot c : THREE_GROUPS) {
            assertEquals(first.grade(c), again.grade(c));
        }
        FittedModel otherSeed = model(Map.of("seed", 7L)).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        assertEquals(7L, otherSeed.parameters().get("seed"));
        // well-separated groups: another seed finds the same partition
        for (CustomerSnapshot c : THREE_GROUPS) {
            assertEquals(first.grade(c).grade(), otherSeed.grade(c).grade());
        }
    }

    /** The three groups plus enterprises with gaps and customers of other kinds. */
    private static List<CustomerSnapshot> withGaps() {
        List<CustomerSnapshot> customers = new ArrayList<>(THREE_GROUPS);
        for (int i = 0; i < 30; i++) {
            customers.add(enterprise().account("noBills" + i).consumption(1000, 1000 + i).build());
        }
        for (int i = 0; i < 20; i++) {
            customers.add(enterprise().account("noIndustry" + i).industry(i % 2 == 0 ? null : "B06")
                    .consumption(1000, 1000).bills(0, 0).build());
        }
        customers.add(enterprise().account("resident").kind(CustomerKind.RESIDENT).consumption(100, 100).bills(0, 0)
                .build());
        return customers;
    }

    @Test
    void excludePolicyLeavesGapsOutAndGradesThemUnknownNamingTheFeature() throws GradingException {
        FittedModel fit = model(Map.of("missingPolicy", "exclude")).fit(Enterprises.population(withGaps()), AS_OF);
        @SuppressWarnings("unchecked")
        Map<String, Object> population = (Map<String, Object>) fit.parameters().get("population");
        assertEquals(651L, population.get("customers"));
        assertEquals(650L, population.get("enterprises"));
        assertEquals(600, population.get("clustered"));
        assertEquals(50L, population.get("excluded"));
        @SuppressWarnings("unchecked")
        Map<String, Object> missing = (Map<String, Object>) population.get("missingByFeature");
        assertEquals(30L, missing.get("credit"));
        assertEquals(20L, missing.get("industryProsperity"));
        assertEquals(0L, missing.get("accountAgeYears"));
        assertTrue(((String) fit.parameters().get("missingPolicyRule")).contains("not clustered"));

        Grade noBills = fit.grade(enterprise().consumption(1000, 1000).build());
        assertEquals(Grade.UNKNOWN, noBills.grade());
        assertTrue(Double.isNaN(noBills.score()));
        assertEquals("credit missing: no bill of the 12 months to 2026-10-31 due by then (missing-value policy exclude:"
                + " not clustered)", noBills.reason());
        Grade twoGaps = fit.grade(enterprise().industry("B06").opened(null).consumption(1000, 1000).bills(0, 0).build());
        assertEquals("account age missing: opening date not given; industry prosperity and direct-purchase ratio"
                + " missing: industry B06 not in the industry table (missing-value policy exclude: not clustered)",
                twoGaps.reason());
        Grade resident = fit.grade(withGaps().get(withGaps().size() - 1));
        assertEquals(Grade.UNKNOWN, resident.grade());
        assertEquals("not an enterprise (RESIDENT): this model grades enterprises only", resident.reason());
        // the groups are clustered as without the gaps
        FittedModel clean = model(Map.of()).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        assertEquals(withoutExcluded(clean.quality()), withoutExcluded(fit.quality()));
        assertEquals(clean.parameters().get("clusters"), fit.parameters().get("clusters"));
    }

    private static Map<String, Double> withoutExcluded(Map<String, Double> quality) {
        Map<String, Double> out = new HashMap<>(quality);
        out.remove("excluded");
        return out;
    }

    @Test
    void indicatorPolicyClustersGapsWithAFlagAndRecordsIt() throws GradingException {
        FittedModel fit = model(Map.of("missingPolicy", "indicator")).fit(Enterprises.population(withGaps()), AS_OF);
        Map<String, Object> p = fit.parameters();
        assertEquals("indicator", p.get("missingPolicy"));
        assertTrue(((String) p.get("missingPolicyRule")).contains("missing-flag column"));
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) p.get("columns");
        assertEquals(12, columns.size());
        assertEquals("credit missing (0/1)", columns.get(11));
        @SuppressWarnings("unchecked")
        Map<String, Object> population = (Map<String, Object>) p.get("population");
        assertEquals(650, population.get("clustered"));
        assertEquals(0L, population.get("excluded"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) p.get("clusters");
        double creditMissing = 0;
        for (Map<String, Object> c : clusters) {
            @SuppressWarnings("unchecked")
            Map<String, Object> shares = (Map<String, Object>) c.get("missingShare");
            creditMissing += (Double) shares.get("credit") * (Integer) c.get("size");
        }
        assertEquals(30, creditMissing, 1e-9);
        // the means are those of the present values only: the 600 of the groups and the 20 without an
        // industry (credit 100), not the 30 without bills
        FittedModel exclude = model(Map.of()).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        assertEquals((600 * meanOf(exclude, "credit") + 20 * 100) / 620, meanOf(fit, "credit"), 1e-9);

        Grade noBills = fit.grade(enterprise().consumption(1000, 1000).build());
        assertNotEquals(Grade.UNKNOWN, noBills.grade());
        assertTrue(noBills.reason().contains("credit missing (no bill of the 12 months to 2026-10-31 due by then)"),
                noBills.reason());
        assertFalse(Double.isNaN(noBills.score()));
    }

    private static double meanOf(FittedModel fit, String feature) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> standardisation = (Map<String, Map<String, Object>>) fit.parameters()
                .get("standardisation");
        return (Double) standardisation.get("means").get(feature);
    }

    @Test
    void moreClustersAreNamedGrowthRiskAndNumberedMaintain() throws GradingException {
        FittedModel fit = model(Map.of("k", 4)).fit(Enterprises.population(THREE_GROUPS), AS_OF);
        Set<String> names = new java.util.TreeSet<>();
        for (CustomerSnapshot c : THREE_GROUPS) {
            names.add(fit.grade(c).grade());
        }
        assertEquals(Set.of("growth", "maintain-1", "maintain-2", "risk"), names);
    }

    @Test
    void tooFewEnterprisesAreRefused() {
        GradingException e = assertThrows(GradingException.class,
                () -> model(Map.of()).fit(Enterprises.population(withGaps().subList(0, 29)), AS_OF));
        assertEquals("enterprise-kmeans: 29 enterprises to cluster, at least 30 needed for k = 3 (29 customers, 29"
                + " enterprises; excluded for a missing feature: 0 (none))", e.getMessage());
    }

    @Test
    void aFeatureWithoutSpreadIsRefused() {
        List<CustomerSnapshot> sameIndustry = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sameIndustry.add(enterprise().account("e" + i).opened(LocalDate.of(2000 + i % 20, 1, 1))
                    .consumption(1000 + i, 1000 + 2 * i).bills(i % 3, 0).build());
        }
        GradingException e = assertThrows(GradingException.class,
                () -> model(Map.of()).fit(Enterprises.population(sameIndustry), AS_OF));
        assertEquals("enterprise-kmeans: industry prosperity has the same value (0.6) for every customer that has it:"
                + " nothing to cluster on", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "k             | 1     | k = 1 must be between 2 and 10",
        "k             | 11    | k = 11 must be between 2 and 10",
        "restarts      | 0     | restarts = 0 must be between 1 and 1000",
        "maxIterations | 0     | maxIterations = 0 must be between 1 and 10000",
        "tolerance     | -1    | tolerance = -1.0 must be a number, 0 or more",
        "tolerance     | NaN   | tolerance = NaN must be a number, 0 or more",
        "missingPolicy | mean  | missingPolicy = mean must be exclude or indicator",
        "industryTable | ''    | industryTable is empty: without industry data there is no prosperity or direct-purchase ratio to cluster on",
        "industryTable | C26=2/0.1 | industryTable entry 'C26=2/0.1': prosperity 2 must be between 0 and 1",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, String value, String why) {
        Object typed = switch (attribute) {
            case "k", "restarts", "maxIterations" -> Integer.valueOf(value);
            case "tolerance" -> Double.valueOf(value);
            default -> value;
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(Map.of(attribute, typed)));
        assertEquals("enterprise-kmeans configuration refused: " + why, e.getMessage());
    }
}
