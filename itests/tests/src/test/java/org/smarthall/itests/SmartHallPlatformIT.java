package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform as its users meet it, in the real distribution booted once: anonymous health,
 * role checks, problems, the OpenAPI document against what is really served, the shell, the web
 * console, and a plugin feature installed and removed at runtime with no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SmartHallPlatformIT {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PW = "admin-demo";
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private SessionFactory sessions;
    @Inject
    private JaxrsServiceRuntime jaxrs;

    private Http http;

    @Configuration
    public Option[] config() {
        return new Option[] {SmartHallOptions.distribution()};
    }

    @Before
    public void apiIsUp() {
        http = new Http(Integer.getInteger(SmartHallOptions.HTTP_PORT));
        Poll.until(Duration.ofSeconds(60), "GET /health to answer 200",
                () -> http.get(http.api("/health"), null, null).status() == 200);
        // the job runner comes up once JPA has its EntityManagerFactory, a little after the store;
        // every resource joining the application redeploys it, so wait until all have joined
        Poll.until(Duration.ofSeconds(60), "every resource in the OpenAPI document", () -> {
            Http.Reply doc = http.get(http.api("/openapi.json"), null, null);
            return doc.status() == 200 && doc.body().contains("\"/jobs\"") && doc.body().contains("\"/imports/{dataset}\"")
                    && doc.body().contains("\"/halls\"") && doc.body().contains("\"/customers\"")
                    && doc.body().contains("\"/tagging/runs\"") && doc.body().contains("\"/customers/{account}/tags\"")
                    && doc.body().contains("\"/grading/{model}/runs\"") && doc.body().contains("\"/customers/{account}/grades\"")
                    && http.get(http.api("/jobs"), "analyst", "analyst-demo").status() == 200;
        });
    }

    @Test
    public void healthIsAnonymousAndReportsTheStore() {
        Http.Reply health = http.get(http.api("/health"), null, null);
        assertEquals(200, health.status());
        JsonNode body = health.json();
        assertEquals("UP", body.get("status").asText());
        assertEquals(System.getProperty("smarthall.version", body.get("version").asText()), body.get("version").asText());
        assertTrue(body.get("uptimeSeconds").asLong() >= 0);
        Set<String> checks = new TreeSet<>();
        for (JsonNode check : body.get("checks")) {
            checks.add(check.get("name").asText());
            assertTrue("no details for anonymous callers", check.get("detail").isNull());
        }
        assertEquals(Set.of("guidance", "jobs", "store"), checks);
    }

    @Test
    public void pluginsNeedTheAnalystRole() {
        Http.Reply anonymous = http.get(http.api("/plugins"), null, null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals("application/problem+json", anonymous.contentType());

        assertEquals(401, http.get(http.api("/plugins"), "analyst", "wrong").status());
        Http.Reply kiosk = http.get(http.api("/plugins"), "kiosk", "kiosk-demo");
        assertEquals(403, kiosk.status());
        assertEquals(403, kiosk.json().get("status").asInt());
        assertEquals(200, http.get(http.api("/plugins"), "analyst", "analyst-demo").status());
        assertEquals(200, http.get(http.api("/plugins"), ADMIN, ADMIN_PW).status());
    }

    @Test
    public void badBodiesAre400ProblemsNamingTheField() {
        Http.Reply malformed = http.post(http.api("/jobs"), ADMIN, ADMIN_PW, "{\"type\": \"itest-squares\", ");
        assertEquals(400, malformed.status());
        assertEquals("application/problem+json", malformed.contentType());
        assertEquals("body", malformed.json().get("field").asText());
        assertFalse(malformed.body(), malformed.body().contains("org.smarthall"));

        Http.Reply unknownField = http.post(http.api("/jobs"), ADMIN, ADMIN_PW, "{\"type\": \"x\", \"params\": {}}");
        assertEquals(400, unknownField.status());
        assertEquals("params", unknownField.json().get("field").asText());

        Http.Reply wrongShape = http.post(http.api("/jobs"), ADMIN, ADMIN_PW, "{\"type\": \"x\", \"parameters\": [1]}");
        assertEquals(400, wrongShape.status());
        assertEquals("parameters", wrongShape.json().get("field").asText());

        Http.Reply unknownType = http.post(http.api("/jobs"), ADMIN, ADMIN_PW, "{\"type\": \"no-such-job\", \"parameters\": {}}");
        assertEquals(400, unknownType.status());
        assertEquals("type", unknownType.json().get("field").asText());

        Http.Reply badQuery = http.get(http.api("/jobs?limit=0"), "analyst", "analyst-demo");
        assertEquals(400, badQuery.status());
        assertEquals("limit", badQuery.json().get("field").asText());

        Http.Reply missing = http.get(http.api("/jobs/987654321"), "analyst", "analyst-demo");
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
    }

    /** The document lists exactly what the JAX-RS runtime serves, and every listed endpoint but two needs credentials. */
    @Test
    public void openApiDocumentMatchesWhatIsServedAndEveryEndpointIsGuarded() {
        Http.Reply reply = http.get(http.api("/openapi.json"), null, null);
        assertEquals(200, reply.status());
        JsonNode doc = reply.json();
        assertEquals("3.0.3", doc.get("openapi").asText());

        Set<String> documented = new TreeSet<>();
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                    JsonNode operation = path.getValue().get(method);
                    boolean anonymous = operation.get("security").size() == 0;
                    // send the media type the operation reads, so the request reaches it (else: 415)
                    JsonNode body = operation.path("requestBody").path("content");
                    String type = body.fieldNames().hasNext() ? body.fieldNames().next() : "application/json";
                    operations.add(new String[] {method.toUpperCase(), path.getKey(), String.valueOf(anonymous), type});
                }
            }
        }
        assertEquals("served endpoints and documented ones", served(), documented);

        List<String> anonymous = new ArrayList<>();
        for (String[] op : operations) {
            String url = http.api(op[1].replaceAll("\\{[^}]+}", "1"));
            Http.Reply r = http.send(op[0], url, null, null, "{}", op[3]);
            if (Boolean.parseBoolean(op[2])) {
                anonymous.add(op[0] + " " + op[1]);
                assertNotEquals(op[0] + " " + op[1] + " is documented anonymous", 401, r.status());
            } else {
                assertEquals(op[0] + " " + op[1] + " without credentials", 401, r.status());
            }
        }
        assertEquals(List.of("GET /health", "GET /openapi.json"), anonymous.stream().sorted().toList());
    }

    private Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (ApplicationDTO app : jaxrs.getRuntimeDTO().applicationDTOs) {
            if (!"smarthall".equals(app.name)) {
                continue;
            }
            for (ResourceDTO resource : app.resourceDTOs) {
                for (ResourceMethodInfoDTO m : resource.resourceMethods) {
                    String path = ("/" + m.path).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    served.add(m.method + " " + path);
                }
            }
        }
        assertFalse("the smarthall application is served", served.isEmpty());
        return served;
    }

    @Test
    public void shellCommandsReportHealthPluginsAndJobs() throws Exception {
        String health = shell("hall:health");
        assertTrue(health, health.contains("store") && health.contains("UP") && health.contains("schema v"));
        String plugins = shell("hall:plugins");
        assertTrue(plugins, plugins.contains("Kind") && plugins.contains("Bundle"));
        String jobs = shell("hall:jobs");
        assertTrue(jobs, jobs.contains("Progress"));
        String queued = shell("hall:notify -k it-shell-1 --hall H01 请 A012 号到 3 号窗口");
        assertTrue(queued, queued.startsWith("Queued "));
        String id = queued.substring("Queued ".length(), queued.indexOf(' ', "Queued ".length()));
        String again = shell("hall:notify -k it-shell-1 --hall H01 again");
        assertTrue(again, again.startsWith("Already queued as " + id));
        String refused = shell("hall:notify -p spam 3700000000 hello");
        assertTrue(refused, refused.contains("purpose"));
        String outbox = shell("hall:outbox");
        assertTrue(outbox, outbox.contains("PENDING") && outbox.contains(id) && outbox.contains("hall H01"));
        String one = shell("hall:outbox " + id);
        assertTrue(one, one.contains("Message " + id) && one.contains("to hall H01"));
    }

    @Test
    public void importAndCustomerCommandsWorkInTheShell() throws Exception {
        String first17 = "37010219800517123";
        String id = first17 + org.smarthall.api.customer.Pii.checkCharacter(first17);
        Path file = Files.createTempFile("customers", ".csv");
        Files.writeString(file, "account,kind,name,id_number,phone,address,region,supply_unit,industry,contract_kva,opened,sensitive\n"
                + "3700000001,resident,张三," + id + ",13812345678,济南市历下区泉城路1号,370102,历下供电中心,,8,2015-03-01,elderly\n"
                + "3700000002,resident,李四,370102198005171230,,,370102,历下供电中心,,,,\n", StandardCharsets.UTF_8);
        String imported = shell("hall:import customers " + file);
        assertTrue(imported, imported.contains("SUCCEEDED") && imported.contains("accepted"));
        assertTrue("the bad identity number is reported by line and field: " + imported,
                imported.contains("line 3, id_number"));
        String customer = shell("hall:customer 3700000001");
        assertTrue(customer, customer.contains("张三") && customer.contains("3701**********") && customer.contains("138****5678"));
        assertFalse("never the whole number", customer.contains(id) || customer.contains("13812345678"));
        assertTrue(customer, customer.contains("elderly"));

        Path halls = Files.createTempFile("halls", ".csv");
        Files.writeString(halls, "hall_id,name,region,zones\nJN-SH-01,市中营业厅,370103,entrance;guidance;counter\n",
                StandardCharsets.UTF_8);
        Path events = Files.createTempFile("events", ".jsonl");
        Files.writeString(events, """
                {"hall":"JN-SH-01","zone":"entrance","visitor":"shell-v1","kind":"enter","at":"2026-03-02 09:00:00"}
                {"hall":"JN-SH-01","zone":"guidance","visitor":"shell-v1","kind":"card_swipe","account":"3700000001","at":"2026-03-02 09:01:00"}
                {"hall":"JN-SH-01","zone":"counter","visitor":"shell-v1","kind":"enter","at":"2026-03-02 09:05:00"}
                {"hall":"JN-SH-01","zone":"counter","visitor":"shell-v1","kind":"leave","at":"2026-03-02 09:17:00"}
                """, StandardCharsets.UTF_8);
        assertTrue(shell("hall:import halls " + halls).contains("SUCCEEDED"));
        assertTrue(shell("hall:import zone_events " + events).contains("SUCCEEDED"));
        assertTrue(shell("hall:halls").contains("JN-SH-01"));
        String visits = shell("hall:visits JN-SH-01 2026-03-02");
        assertTrue(visits, visits.contains("shell-v1") && visits.contains("3700000001") && visits.contains("counter"));
    }

    @Test
    public void theWebConsoleIsForAdmins() {
        assertEquals(200, http.get(http.url("/system/console/bundles"), ADMIN, ADMIN_PW).status());
        assertEquals(401, http.get(http.url("/system/console/bundles"), "analyst", "analyst-demo").status());
        Http.Reply config = http.get(http.url("/system/console/configMgr"), ADMIN, ADMIN_PW);
        assertTrue("Metatype forms of SmartHall's configuration", config.body().contains("SmartHall store")
                && config.body().contains("SmartHall jobs") && config.body().contains("SmartHall REST API"));
    }

    /** A province installs a plugin feature into the running node, uses it, and removes it. */
    @Test
    public void aPluginFeatureInstallsAndUninstallsAtRuntimeWithoutRestart() throws Exception {
        Bundle rest = bundle("org.smarthall.rest");
        long restModified = rest.getLastModified();
        long uptimeBefore = http.get(http.api("/health"), null, null).json().get("uptimeSeconds").asLong();
        assertFalse(pluginIds().contains("itest-squares"));

        URI repository = pluginFeatureRepository();
        features.addRepository(repository);
        try {
            features.installFeature("smarthall-itest-plugin", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            JsonNode plugin = Poll.until(Duration.ofSeconds(30), "the plugin in GET /plugins", () -> {
                for (JsonNode p : http.get(http.api("/plugins"), "analyst", "analyst-demo").json()) {
                    if ("itest-squares".equals(p.get("id").asText())) {
                        return p;
                    }
                }
                return null;
            });
            assertEquals("job-type", plugin.get("kind").asText());
            assertEquals("org.smarthall.itests.plugin", plugin.get("bundle").asText());
            assertEquals(bundle("org.smarthall.itests.plugin").getVersion().toString(), plugin.get("bundleVersion").asText());
            assertEquals("ACTIVE", plugin.get("state").asText());
            assertTrue(shell("hall:plugins --kind job-type").contains("itest-squares"));

            // the plugin works: a job of its type runs to the end through REST
            Http.Reply submitted = http.post(http.api("/jobs"), ADMIN, ADMIN_PW,
                    "{\"type\":\"itest-squares\",\"parameters\":{\"n\":\"2000\",\"size\":\"150\"}}");
            assertEquals(submitted.body(), 201, submitted.status());
            assertTrue(submitted.raw().headers().firstValue("Location").orElse("").contains("/jobs/"));
            long id = submitted.json().get("id").asLong();
            JsonNode done = Poll.until(Duration.ofSeconds(60), "job " + id + " to end", () -> {
                JsonNode job = http.get(http.api("/jobs/" + id), "analyst", "analyst-demo").json();
                return job.get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? job : null;
            });
            assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
            assertEquals(2000, done.get("counters").get("stored").asLong());
            assertEquals(2000, done.get("counters").get("rows").asLong());
            assertEquals(1999L * 2000 * 3999 / 6, done.get("counters").get("checksum").asLong());
            assertEquals(14, done.get("progress").get("partitionsDone").asInt());
            assertEquals(1.0, done.get("progress").get("done").asDouble() / done.get("progress").get("total").asDouble(), 0);
            assertEquals(409, http.delete(http.api("/jobs/" + id), "analyst", "analyst-demo").status());
            assertTrue(shell("hall:jobs").contains("itest-squares"));
            String watch = shell("hall:job-watch " + id);
            assertTrue(watch, watch.contains("100.0%") && watch.contains("SUCCEEDED") && watch.contains("checksum"));
        } finally {
            features.uninstallFeature("smarthall-itest-plugin", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            features.removeRepository(repository);
        }
        Poll.until(Duration.ofSeconds(30), "the plugin gone from GET /plugins", () -> !pluginIds().contains("itest-squares"));
        assertEquals("its job type is gone too", 400, http.post(http.api("/jobs"), ADMIN, ADMIN_PW,
                "{\"type\":\"itest-squares\",\"parameters\":{\"n\":\"1\",\"size\":\"1\"}}").status());

        assertEquals("the core bundles were not refreshed", restModified, bundle("org.smarthall.rest").getLastModified());
        assertEquals(Bundle.ACTIVE, bundle("org.smarthall.rest").getState());
        assertTrue("no restart", http.get(http.api("/health"), null, null).json().get("uptimeSeconds").asLong() >= uptimeBefore);
    }

    private Set<String> pluginIds() {
        Set<String> ids = new TreeSet<>();
        http.get(http.api("/plugins"), "analyst", "analyst-demo").json().forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    private URI pluginFeatureRepository() throws Exception {
        File jar = new File(System.getProperty(SmartHallOptions.PLUGIN_JAR));
        assertTrue("test plugin built at " + jar, jar.isFile());
        Path xml = Files.createTempFile("itest-plugin-features", ".xml");
        Files.writeString(xml, """
                <features name="smarthall-itest-plugin" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                    <feature name="smarthall-itest-plugin" version="1.0.0">
                        <feature>smarthall-jobs</feature>
                        <bundle>%s</bundle>
                    </feature>
                </features>
                """.formatted(jar.toURI()), StandardCharsets.UTF_8);
        return xml.toUri();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessions, command);
    }
}
