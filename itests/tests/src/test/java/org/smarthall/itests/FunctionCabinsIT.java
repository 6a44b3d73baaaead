package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The function cabins in the real distribution with a small demo province, booted once. Tags: a
 * full run with the four themes of the default province, the results over REST, in the customer
 * view and in the shell; a province's fee-risk 1.1 installed into the running node, taking over
 * at the next run while requests to the tag endpoints keep succeeding, and uninstalled again.
 * Grades: the four models run with their parameters and quality figures kept, and a province's
 * prepaid-trips 1.1 swapped in at runtime.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FunctionCabinsIT {
    private static final String ANALYST = "analyst";
    private static final String ANALYST_PW = "analyst-demo";
    private static final List<String> THEMES = List.of("channel-preference", "consumption", "credit", "fee-risk");

    @Inject
    private FeaturesService features;
    @Inject
    private SessionFactory sessions;

    private Http http;

    @Configuration
    public Option[] config() {
        return new Option[] {SmartHallOptions.distributionWithDemo(3000),
                // the demo's complaints are rare (about 1% of customers a year): a 3,000-resident
                // province has a handful in 90 days, below the model's default of 30 to train on
                editConfigurationFilePut("etc/org.smarthall.grade.complaint.cfg", "minPositives", "5")};
    }

    @Before
    public void demoIsLoaded() {
        http = new Http(Integer.getInteger(SmartHallOptions.HTTP_PORT));
        Poll.until(Duration.ofSeconds(90), "the tag endpoints to be served", () -> {
            Http.Reply doc = http.get(http.api("/openapi.json"), null, null);
            return doc.status() == 200 && doc.body().contains("\"/tagging/runs\"") && doc.body().contains("\"/jobs\"")
                    && doc.body().contains("\"/grading/{model}/runs\"") && doc.body().contains("\"/customers/{account}/grades\"")
                    && doc.body().contains("\"/customers/{account}/tags\"");
        });
        Poll.until(Duration.ofMinutes(5), "the demo province to be imported", () -> {
            int imports = 0;
            for (JsonNode job : http.get(http.api("/jobs?limit=100"), ANALYST, ANALYST_PW).json().get("items")) {
                if ("import".equals(job.get("type").asText()) && "demo".equals(job.get("submittedBy").asText())) {
                    String state = job.get("state").asText();
                    if (state.equals("FAILED") || state.equals("CANCELLED")) {
                        throw new IllegalStateException("demo import failed: " + job);
                    }
                    if (!state.equals("SUCCEEDED")) {
                        return false;
                    }
                    imports++;
                }
            }
            return imports == org.smarthall.api.ingest.Datasets.ALL.size();
        });
        // the demo starts a tagging run of its own once loaded: let it end
        Poll.until(Duration.ofMinutes(3), "no tagging run under way", () -> {
            for (JsonNode run : http.get(http.api("/tagging/runs?limit=50"), ANALYST, ANALYST_PW).json().get("items")) {
                if (!run.get("job").get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED")) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    public void theDefaultProvinceTagsEveryCustomerAndAProvinceSwapsFeeRiskAtRuntime() throws Exception {
        Poll.until(Duration.ofSeconds(30), "the four themes", () -> activeThemes().keySet().containsAll(THEMES));
        String feeRisk10 = activeThemes().get("fee-risk");
        assertTrue(feeRisk10, feeRisk10.startsWith("1.0.0"));

        // guarded like every endpoint; a bad mode is a problem naming the field
        assertEquals(401, http.post(http.api("/tagging/runs"), null, null, "{}").status());
        assertEquals(403, http.post(http.api("/tagging/runs"), "kiosk", "kiosk-demo", "{}").status());
        Http.Reply bad = http.post(http.api("/tagging/runs"), ANALYST, ANALYST_PW, "{\"mode\":\"sometimes\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.contentType(), bad.contentType().startsWith("application/problem+json"));
        assertTrue(bad.body(), bad.body().contains("mode"));

        long customers = customerCount();
        JsonNode first = run("{\"mode\":\"full\"}");
        assertEquals(customers, first.get("job").get("counters").get("customers").asLong());
        for (String theme : THEMES) {
            JsonNode distribution = http.get(http.api("/tags/" + theme + "/distribution"), ANALYST, ANALYST_PW).json();
            Map<String, Long> perDimension = new TreeMap<>();
            distribution.get("counts").forEach(c -> perDimension.merge(c.get("dimension").asText(), c.get("customers").asLong(), Long::sum));
            assertFalse(theme, perDimension.isEmpty());
            perDimension.forEach((dimension, n) -> assertEquals(theme + "/" + dimension, customers, (long) n));
        }
        Map<String, Long> before = values("fee-risk");
        assertTrue("a spread, not one value: " + before, before.size() >= 3);

        // one customer's tags, in the tag endpoint and in the customer view
        String account = someAccount();
        JsonNode tags = http.get(http.api("/customers/" + account + "/tags"), "staff", "staff-demo").json();
        List<String> themes = new ArrayList<>();
        tags.forEach(t -> {
            if (!themes.contains(t.get("theme").asText())) {
                themes.add(t.get("theme").asText());
            }
            assertFalse(t.toString(), t.get("reason").asText().isBlank());
            assertEquals(first.get("id").asLong(), t.get("runId").asLong());
        });
        assertEquals(THEMES, themes.stream().sorted().toList());
        JsonNode view = http.get(http.api("/customers/" + account), "staff", "staff-demo").json();
        assertTrue(view.toString(), view.get("facets").get("tags").has("fee-risk"));
        assertEquals(404, http.get(http.api("/customers/0000000000/tags"), "staff", "staff-demo").status());

        // the province installs fee-risk 1.1 while the tag endpoints are busy
        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread load = new Thread(() -> {
            while (hammering.get()) {
                for (String path : List.of("/customers/" + account + "/tags", "/tags/fee-risk/distribution", "/tags/themes")) {
                    Http.Reply r = http.get(http.api(path), ANALYST, ANALYST_PW);
                    if (r.status() == 200) {
                        served.incrementAndGet();
                    } else {
                        failures.add(path + " " + r.status());
                    }
                }
            }
        }, "tag-endpoint-load");
        load.start();
        try {
            features.installFeature("smarthall-tag-fee-risk-1.1", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            Poll.until(Duration.ofSeconds(30), "fee-risk 1.1 to take over",
                    () -> activeThemes().getOrDefault("fee-risk", "").startsWith("1.1.0"));
            Map<String, String> feeRiskPlugins = new TreeMap<>();
            for (JsonNode p : http.get(http.api("/plugins"), ANALYST, ANALYST_PW).json()) {
                if ("fee-risk".equals(p.get("id").asText())) {
                    feeRiskPlugins.put(p.get("bundleVersion").asText().substring(0, 3), p.get("state").asText());
                }
            }
            assertEquals("the plugin directory says which version is used",
                    Map.of("1.0", "SHADOWED", "1.1", "ACTIVE"), feeRiskPlugins);
            JsonNode second = run("{\"mode\":\"full\"}");
            assertTrue(second.get("themes").toString(), second.get("themes").toString().contains("fee-risk@1.1.0"));
        } finally {
            hammering.set(false);
            load.join();
        }
        assertEquals("requests to the tag endpoints failed during the swap: " + failures, List.of(), failures);
        assertTrue("the load ran: " + served.get(), served.get() > 30);

        JsonNode swapped = http.get(http.api("/tags/fee-risk/distribution"), ANALYST, ANALYST_PW).json();
        swapped.get("counts").forEach(c -> assertTrue(c.toString(), c.get("themeVersion").asText().startsWith("1.1.0")));
        Map<String, Long> after = values("fee-risk");
        assertEquals(customers, after.values().stream().mapToLong(Long::longValue).sum());
        assertTrue("1.1's trip and overdue rules make more customers high: " + before + " -> " + after,
                after.getOrDefault("high", 0L) > before.getOrDefault("high", 0L));
        JsonNode mine = http.get(http.api("/customers/" + account + "/tags"), ANALYST, ANALYST_PW).json();
        boolean sawFeeRisk = false;
        for (JsonNode t : mine) {
            if (t.get("theme").asText().equals("fee-risk")) {
                sawFeeRisk = true;
                assertTrue(t.toString(), t.get("themeVersion").asText().startsWith("1.1.0"));
                assertTrue("1.1's reasons start with the rule that decided: " + t,
                        t.get("reason").asText().matches("(Overdue rule|Trip rule|Frequent-trip rule|Points rule|Missing data):.*"));
            }
        }
        assertTrue(sawFeeRisk);

        // uninstalled, 1.0 is back
        features.uninstallFeature("smarthall-tag-fee-risk-1.1", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Poll.until(Duration.ofSeconds(30), "fee-risk 1.0 back", () -> activeThemes().getOrDefault("fee-risk", "").startsWith("1.0.0"));

        // the shell: an incremental run (nothing new: nobody re-tagged), a customer, a distribution
        String incremental = shell("hall:tag-run --incremental");
        assertTrue(incremental, incremental.contains("SUCCEEDED") && incremental.contains("incremental"));
        String shown = shell("hall:tags " + account);
        assertTrue(shown, shown.contains("fee-risk") && shown.contains("consumption") && shown.contains("credit"));
        String spread = shell("hall:tags -d credit");
        assertTrue(spread, spread.contains("credit") && spread.contains("%"));
    }

    @Test
    public void theFourGradingModelsGradeTheDemoProvinceAndAProvinceSwapsOneAtRuntime() throws Exception {
        List<String> models = List.of("complaint-risk", "enterprise-kmeans", "gov-ahp", "prepaid-trips");
        Poll.until(Duration.ofSeconds(30), "the four grading models", () -> activeModels().keySet().containsAll(models));
        assertEquals(404, http.post(http.api("/grading/nonesuch/runs"), ANALYST, ANALYST_PW, "{}").status());
        assertEquals(403, http.post(http.api("/grading/gov-ahp/runs"), "kiosk", "kiosk-demo", "{}").status());
        assertEquals(401, http.get(http.api("/grading/gov-ahp/distribution"), null, null).status());

        // government customers by AHP: the weights, lambda max and CR kept with the run
        JsonNode ahp = grade("gov-ahp");
        double cr = ahp.get("quality").get("cr").asDouble();
        assertTrue("an accepted matrix is consistent: CR " + cr, cr >= 0 && cr <= 0.1);
        assertTrue(ahp.get("parameters").toString(), ahp.get("parameters").toString().contains("weights"));
        assertGrades("gov-ahp", ahp, List.of("diamond", "platinum", "gold", "unknown"));

        // enterprises by K-means: centroids and silhouette kept, clusters named by the seed's definitions
        JsonNode kmeans = grade("enterprise-kmeans");
        double silhouette = kmeans.get("quality").get("silhouette").asDouble();
        assertTrue("silhouette " + silhouette, silhouette > -1 && silhouette <= 1);
        assertTrue(kmeans.get("parameters").toString(), kmeans.get("parameters").toString().contains("\"centroid\""));
        Map<String, Long> clusters = assertGrades("enterprise-kmeans", kmeans, List.of("growth", "maintain", "risk", "unknown"));
        assertTrue("three named clusters: " + clusters, clusters.keySet().containsAll(List.of("growth", "maintain", "risk")));

        // prepaid customers by trips: the demo is calibrated to 31% tripping twice or more (seed 003)
        JsonNode trips = grade("prepaid-trips");
        Map<String, Long> classes = assertGrades("prepaid-trips", trips, List.of("normal", "occasional", "frequent", "unknown"));
        double frequent = (double) classes.getOrDefault("frequent", 0L) / classes.values().stream().mapToLong(Long::longValue).sum();
        assertTrue("frequent share " + frequent, frequent > 0.25 && frequent < 0.37);

        // complaint risk: AUC on the held-out, later period kept with the run; a ranked list for account managers
        JsonNode complaint = grade("complaint-risk");
        double auc = complaint.get("quality").get("auc").asDouble();
        assertTrue("AUC " + auc, auc >= 0 && auc <= 1);
        JsonNode ranked = http.get(http.api("/grading/complaint-risk/ranking?limit=20"), "manager", "manager-demo").json();
        double previous = Double.MAX_VALUE;
        for (JsonNode g : ranked.get("items")) {
            assertTrue("highest risk first", g.get("score").asDouble() <= previous);
            previous = g.get("score").asDouble();
        }
        assertEquals(20, ranked.get("items").size());

        // a prepaid customer's grades, in the grades endpoint and the customer view
        String prepaid = trips.get("job").get("id").asText();
        String account = http.get(http.api("/grading/prepaid-trips/ranking?limit=1"), ANALYST, ANALYST_PW).json()
                .get("items").get(0).get("account").asText();
        JsonNode grades = http.get(http.api("/customers/" + account + "/grades"), "staff", "staff-demo").json();
        List<String> graded = new ArrayList<>();
        grades.forEach(g -> graded.add(g.get("model").asText()));
        assertTrue(graded + " for run " + prepaid, graded.containsAll(List.of("complaint-risk", "prepaid-trips")));
        JsonNode view = http.get(http.api("/customers/" + account), "staff", "staff-demo").json();
        assertTrue(view.toString(), view.get("facets").get("grades").has("prepaid-trips"));

        // a province swaps prepaid-trips for its own version, with no restart
        features.installFeature("smarthall-grade-prepaid-trips-1.1", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        try {
            Poll.until(Duration.ofSeconds(30), "prepaid-trips 1.1 to take over",
                    () -> activeModels().getOrDefault("prepaid-trips", "").startsWith("1.1.0"));
            JsonNode swapped = grade("prepaid-trips");
            assertTrue(swapped.get("modelVersion").asText(), swapped.get("modelVersion").asText().startsWith("1.1.0"));
            http.get(http.api("/grading/prepaid-trips/distribution"), ANALYST, ANALYST_PW).json()
                    .forEach(c -> assertTrue(c.toString(), c.get("modelVersion").asText().startsWith("1.1.0")));
        } finally {
            features.uninstallFeature("smarthall-grade-prepaid-trips-1.1", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        Poll.until(Duration.ofSeconds(30), "prepaid-trips 1.0 back",
                () -> activeModels().getOrDefault("prepaid-trips", "").startsWith("1.0.0"));

        String shown = shell("hall:grade -d prepaid-trips");
        assertTrue(shown, shown.contains("frequent") && shown.contains("%"));
        String mine = shell("hall:grade -c " + account);
        assertTrue(mine, mine.contains("prepaid-trips") && mine.contains("complaint-risk"));
    }

    private JsonNode grade(String model) {
        Http.Reply started = http.post(http.api("/grading/" + model + "/runs"), ANALYST, ANALYST_PW, "{}");
        assertEquals(started.body(), 202, started.status());
        long id = started.json().get("id").asLong();
        JsonNode done = Poll.until(Duration.ofMinutes(3), model + " run " + id + " to end", () -> {
            JsonNode r = http.get(http.api("/grading/" + model + "/runs/" + id), ANALYST, ANALYST_PW).json();
            return r.get("job").get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? r : null;
        });
        assertEquals(done.toString(), "SUCCEEDED", done.get("job").get("state").asText());
        return done;
    }

    /** The distribution of a model: only its grades, every customer of its population counted. */
    private Map<String, Long> assertGrades(String model, JsonNode run, List<String> allowed) {
        Map<String, Long> counts = new TreeMap<>();
        http.get(http.api("/grading/" + model + "/distribution"), ANALYST, ANALYST_PW).json()
                .forEach(c -> counts.merge(c.get("grade").asText(), c.get("customers").asLong(), Long::sum));
        assertTrue(model + ": " + counts, allowed.containsAll(counts.keySet()));
        assertEquals(model + ": " + counts, run.get("population").asLong(),
                counts.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    private Map<String, String> activeModels() {
        Map<String, String> active = new TreeMap<>();
        for (JsonNode m : http.get(http.api("/grading"), ANALYST, ANALYST_PW).json()) {
            if (m.get("active").asBoolean()) {
                active.put(m.get("id").asText(), m.get("version").asText());
            }
        }
        return active;
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode run(String body) {
        Http.Reply started = http.post(http.api("/tagging/runs"), ANALYST, ANALYST_PW, body);
        assertEquals(started.body(), 202, started.status());
        long id = started.json().get("id").asLong();
        JsonNode done = Poll.until(Duration.ofMinutes(3), "tagging run " + id + " to end", () -> {
            JsonNode r = http.get(http.api("/tagging/runs/" + id), ANALYST, ANALYST_PW).json();
            return r.get("job").get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? r : null;
        });
        assertEquals(done.toString(), "SUCCEEDED", done.get("job").get("state").asText());
        return done;
    }

    private Map<String, String> activeThemes() {
        Map<String, String> active = new TreeMap<>();
        for (JsonNode t : http.get(http.api("/tags/themes"), ANALYST, ANALYST_PW).json()) {
            if (t.get("active").asBoolean()) {
                active.put(t.get("id").asText(), t.get("version").asText());
            }
        }
        return active;
    }

    private Map<String, Long> values(String theme) {
        Map<String, Long> values = new TreeMap<>();
        http.get(http.api("/tags/" + theme + "/distribution"), ANALYST, ANALYST_PW).json().get("counts")
                .forEach(c -> values.merge(c.get("value").asText(), c.get("customers").asLong(), Long::sum));
        return values;
    }

    /** The customers the demo's customers import accepted. */
    private long customerCount() {
        for (JsonNode job : http.get(http.api("/jobs?limit=100"), ANALYST, ANALYST_PW).json().get("items")) {
            if ("import".equals(job.get("type").asText()) && "customers".equals(job.get("parameters").get("dataset").asText())) {
                return job.get("counters").get("accepted").asLong();
            }
        }
        throw new AssertionError("no customers import");
    }

    private String someAccount() {
        return http.get(http.api("/customers?q=37&limit=1"), ANALYST, ANALYST_PW).json().get("items").get(0)
                .get("account").asText();
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessions, command);
    }
}
