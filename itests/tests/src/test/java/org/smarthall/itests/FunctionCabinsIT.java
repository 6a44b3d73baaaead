package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tagging in the real distribution with a small demo province: a full run with the four themes
 * of the default province, the results over REST, in the customer view and in the shell; then a
 * province's fee-risk 1.1 installed into the running node, taking over at the next run while
 * requests to the tag endpoints keep succeeding, and uninstalled again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TaggingIT {
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
        return new Option[] {SmartHallOptions.distributionWithDemo(1500)};
    }

    @Before
    public void demoIsLoaded() {
        http = new Http(Integer.getInteger(SmartHallOptions.HTTP_PORT));
        Poll.until(Duration.ofSeconds(90), "the tag endpoints to be served", () -> {
            Http.Reply doc = http.get(http.api("/openapi.json"), null, null);
            return doc.status() == 200 && doc.body().contains("\"/tagging/runs\"") && doc.body().contains("\"/jobs\"")
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        Session session = sessions.create(System.in, out, out);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
