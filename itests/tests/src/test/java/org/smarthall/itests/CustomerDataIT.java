package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.smarthall.testing.KarafProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as a new user starts it: the demo province loads on first boot, and the
 * customer base, the ID-card lookup, the 360 view, the hall's visits and heat, uploads and live
 * zone events all work on it over REST, with identity numbers and phones never shown whole.
 */
public class CustomerDataIT {
    private static KarafProcess karaf;
    private static Http http;
    private static Path demo;

    @BeforeClass
    public static void bootWithTheDemoProvince() {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("smarthall.distribution")),
                Path.of(System.getProperty("itest.work"), "customer-data"));
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(120));
        http = new Http(karaf.httpPort());
        demo = karaf.home().resolve("data/smarthall/demo");
        Poll.until(Duration.ofMinutes(10), "the demo province to be imported", () -> {
            JsonNode jobs = http.get(http.api("/jobs?limit=100"), "analyst", "analyst-demo").json().get("items");
            int succeeded = 0;
            for (JsonNode job : jobs) {
                if ("import".equals(job.get("type").asText()) && "demo".equals(job.get("submittedBy").asText())) {
                    String state = job.get("state").asText();
                    if (state.equals("FAILED") || state.equals("CANCELLED")) {
                        throw new IllegalStateException("demo import failed: " + job);
                    }
                    succeeded += state.equals("SUCCEEDED") ? 1 : 0;
                }
            }
            return succeeded == org.smarthall.api.ingest.Datasets.ALL.size() ? Boolean.TRUE : null;
        });
    }

    @AfterClass
    public static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void theDemoProvinceIsLoadedWithoutARejectedRow() throws Exception {
        long customers = rows("customers.csv");
        JsonNode page = http.get(http.api("/customers?q=37&limit=5"), "analyst", "analyst-demo").json();
        assertEquals(customers, page.get("total").asLong());
        assertTrue("about 10,000 customers: " + customers, customers > 9_000 && customers < 11_000);
        assertEquals(3, http.get(http.api("/halls"), "staff", "staff-demo").json().size());
        for (JsonNode job : http.get(http.api("/jobs?limit=100"), "analyst", "analyst-demo").json().get("items")) {
            if ("import".equals(job.get("type").asText()) && "demo".equals(job.get("submittedBy").asText())) {
                assertEquals(job.toString(), 0, job.get("counters").path("rejected").asLong());
            }
        }
    }

    @Test
    public void anIdCardFindsItsCustomerAndNoViewShowsWholeIdentifiers() throws Exception {
        Map<String, String> resident = firstRow("customers.csv", "kind", "resident");
        String id = resident.get("id_number");
        String phone = resident.get("phone");
        String account = resident.get("account");

        Http.Reply lookup = http.get(http.api("/customers?idNumber=" + id), "kiosk", "kiosk-demo");
        assertEquals(lookup.body(), 200, lookup.status());
        assertEquals(account, lookup.json().get("items").get(0).get("account").asText());
        assertFalse("the number is not repeated", lookup.body().contains(id));
        assertEquals(id.substring(0, 4) + "**********" + id.substring(14),
                lookup.json().get("items").get(0).get("maskedIdNumber").asText());
        assertEquals(403, http.get(http.api("/customers?q=37"), "kiosk", "kiosk-demo").status());

        Http.Reply view = http.get(http.api("/customers/" + account), "staff", "staff-demo");
        assertEquals(view.body(), 200, view.status());
        assertFalse(view.body().contains(id));
        if (!phone.isEmpty()) {
            assertFalse("no whole phone in the 360 view", view.body().contains(phone));
            assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), view.json().get("profile").get("maskedPhone").asText());
        }
        JsonNode consumption = view.json().get("summary").get("consumption");
        assertTrue(consumption.toString(), consumption.get("months").asInt() >= 1 && consumption.get("months").asInt() <= 12);

        Http.Reply search = http.get(http.api("/customers?q=" + account.substring(0, 6) + "&limit=200"), "staff", "staff-demo");
        assertFalse("no whole phone in a list", phone.isEmpty() || search.body().contains(phone));
        assertEquals(400, http.get(http.api("/customers?idNumber=370102198001010000"), "kiosk", "kiosk-demo").status());
    }

    @Test
    public void visitsAndHeatAreRebuiltFromTheZoneEvents() throws Exception {
        Map<String, String> swipe = firstRow("zone_events.csv", "kind", "card_swipe");
        String hall = swipe.get("hall");
        String day = swipe.get("at").substring(0, 10);
        JsonNode visits = http.get(http.api("/halls/" + hall + "/visits?date=" + day), "manager", "manager-demo").json();
        assertTrue("visits on " + day, visits.size() > 50);
        boolean found = false;
        for (JsonNode v : visits) {
            found |= swipe.get("account").equals(v.path("account").asText());
            assertTrue(v.toString(), v.get("steps").size() >= 1);
        }
        assertTrue("the swiping customer's visit is among the day's", found);
        JsonNode mine = http.get(http.api("/customers/" + swipe.get("account") + "/visits"), "staff", "staff-demo").json();
        assertTrue(mine.size() >= 1);
        JsonNode heat = http.get(http.api("/halls/" + hall + "/heat?from=" + day + "&to=" + day), "analyst", "analyst-demo").json();
        assertTrue(heat.size() > 0);
    }

    @Test
    public void anUploadedGbkFileImportsTheGoodRowsAndListsTheBadOnes() throws Exception {
        String account = firstRow("customers.csv", "kind", "enterprise").get("account");
        String csv = "account,month,peak_kwh,flat_kwh,valley_kwh,amount\n"
                + account + ",2019-01,100,200,50,191.42\n"
                + "3799999999,2019-01,1,1,1,1\n";
        Http.Reply posted = upload("consumption", csv.getBytes(Charset.forName("GBK")), "text/csv");
        assertEquals(posted.body(), 202, posted.status());
        long id = posted.json().get("id").asLong();
        JsonNode job = awaitImport(id);
        assertEquals(1, job.get("counters").get("accepted").asLong());
        assertEquals(1, job.get("counters").get("rejected").asLong());
        JsonNode rejects = http.get(http.api("/imports/" + id + "/rejects"), "analyst", "analyst-demo").json();
        assertEquals(3, rejects.get("items").get(0).get("line").asLong());
        assertEquals("account", rejects.get("items").get(0).get("field").asText());

        JsonNode again = awaitImport(upload("consumption", csv.getBytes(Charset.forName("GBK")), "text/csv").json().get("id").asLong());
        assertEquals("the same file twice adds nothing", 0, again.get("counters").path("accepted").asLong());
        assertEquals(1, again.get("counters").get("duplicates").asLong());

        Http.Reply badHeader = upload("consumption", "acount,month\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(400, badHeader.status());
        assertEquals("header", badHeader.json().get("field").asText());
        assertEquals(400, upload("meters", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status());
    }

    @Test
    public void liveZoneEventsAreStoredOnceAndBadOnesNamed() throws Exception {
        String hall = firstRow("halls.csv", "hall_id", null).get("hall_id");
        String now = java.time.Instant.now().minusSeconds(60).toString();
        String batch = "[{\"zone\":\"entrance\",\"visitor\":\"itest-v1\",\"kind\":\"enter\",\"at\":\"" + now + "\"},"
                + "{\"zone\":\"no-such-zone\",\"visitor\":\"itest-v1\",\"kind\":\"enter\",\"at\":\"" + now + "\"},"
                + "{\"zone\":\"entrance\",\"visitor\":\"itest-v1\",\"kind\":\"leave\",\"at\":\"" + now + "\"}]";
        Http.Reply first = http.post(http.api("/halls/" + hall + "/zone-events"), "kiosk", "kiosk-demo", batch);
        assertEquals(first.body(), 200, first.status());
        assertEquals(2, first.json().get("accepted").asInt());
        assertEquals(1, first.json().get("rejected").get(0).get("index").asInt());
        assertEquals("zone", first.json().get("rejected").get(0).get("field").asText());
        Http.Reply again = http.post(http.api("/halls/" + hall + "/zone-events"), "kiosk", "kiosk-demo", batch);
        assertEquals(0, again.json().get("accepted").asInt());
        assertEquals(2, again.json().get("duplicates").asInt());
        assertEquals(404, http.post(http.api("/halls/NO-SUCH-HALL/zone-events"), "kiosk", "kiosk-demo", batch).status());
        assertEquals(400, http.post(http.api("/halls/" + hall + "/zone-events"), "kiosk", "kiosk-demo", "{\"zone\":1}").status());
    }

    private static Http.Reply upload(String dataset, byte[] body, String type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.api("/imports/" + dataset + "?name=itest.csv")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes()))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Http.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    private static JsonNode awaitImport(long id) {
        return Poll.until(Duration.ofSeconds(60), "import " + id, () -> {
            JsonNode job = http.get(http.api("/jobs/" + id), "analyst", "analyst-demo").json();
            return job.get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? job : null;
        });
    }

    private static long rows(String file) throws Exception {
        try (var lines = Files.lines(demo.resolve(file), StandardCharsets.UTF_8)) {
            return lines.count() - 1;
        }
    }

    /** The first row of a demo file whose column has a value (any row when value is null). */
    private static Map<String, String> firstRow(String file, String column, String value) throws Exception {
        List<String> lines = Files.readAllLines(demo.resolve(file), StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            if (value == null || value.equals(row.get(column))) {
                return row;
            }
        }
        throw new AssertionError("no row of " + file + " with " + column + "=" + value);
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
