package org.smarthall.cabin.guidance.internal;

import org.smarthall.testing.EventStreamClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.cabin.guidance.Portrait;
import org.smarthall.cabin.guidance.Route;
import org.smarthall.testing.EventStreamClient.Event;
import org.smarthall.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The latest portrait and the stream over real HTTP: the SmartHall application's JAAS
 * authentication and problems, CXF's SSE support as the whiteboard sets it up
 * ({@link GuidanceServer}). Staff see the portrait, a kiosk the greeting only. Each test uses
 * halls of its own.
 */
class GuidanceHttpTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String REALM = "smarthall-guidance-test";
    /** The greeting's keys: everything a kiosk may see. */
    static final Set<String> GREETING = Set.of("id", "hall", "greeting", "route", "message", "at");

    @TempDir
    static Path dir;
    static Configuration previous;
    static GuidanceServer server;
    static HttpClient http;
    static MutableClock clock = new MutableClock(Instant.parse("2026-10-25T02:00:00Z"));
    static int sequence;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, """
                kiosk1 = kiosk-pw, kiosk
                staff1 = staff-pw, hall-staff
                manager1 = manager-pw, hall-manager
                analyst1 = analyst-pw, analyst
                admin1 = admin-pw, admin
                """);
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return REALM.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        PropertiesLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("users", users.toString()))} : null;
            }
        });
        server = new GuidanceServer(Map.of("heartbeatSeconds", 1, "replaySize", 3), clock, REALM);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        Configuration.setConfiguration(previous);
    }

    static String hall(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName() + test.getDisplayName();
        return "g" + Integer.toHexString(name.hashCode());
    }

    /** A customer in arrears with a staff caution, tags and grades: everything a kiosk must not see. */
    static Portrait portrait(String hall) {
        String id = "p-" + (++sequence);
        Route route = new Route(Route.COUNTER, List.of(new Route.Reason("arrears", "arrears 115.89 yuan on 2 unpaid bills"),
                new Route.Reason("sensitive", "staff caution (disabled)")), RouteAdvisor.MSG_COUNTER);
        return new Portrait(id, hall, "reader-1", false, true, "李*", "male", "50-59", "3701**********0023",
                "3700000012", CustomerKind.RESIDENT,
                List.of(new Portrait.OtherAccount("3700000011", CustomerKind.RESIDENT, BigDecimal.ZERO, 0)),
                List.of(new Portrait.TagLine("fee-risk", "risk", "high", "3 late payments")),
                List.of(new Portrait.GradeLine("complaint-risk", "high", "p = 0.61")), new BigDecimal("115.89"), 2, 1,
                null, List.of("disabled"), route, List.of(), clock.instant().minusMillis(180), clock.instant());
    }

    @Test
    void staffSeeTheWholePortrait(TestInfo test) throws Exception {
        Portrait p = portrait(hall(test));
        server.hub.publish(p);

        HttpResponse<String> response = get("/halls/" + hall(test) + "/guidance/latest", "staff1", "staff-pw");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode body = json.readTree(response.body());
        assertEquals(p.id(), body.path("id").asText());
        assertEquals("3700000012", body.path("account").asText());
        assertEquals("high", body.path("tags").get(0).path("value").asText());
        assertEquals("complaint-risk", body.path("grades").get(0).path("model").asText());
        assertEquals(115.89, body.path("arrears").asDouble());
        assertEquals("disabled", body.path("caution").get(0).asText());
        assertEquals("counter", body.path("route").path("kind").asText());
        assertEquals("arrears", body.path("route").path("reasons").get(0).path("code").asText());
        assertEquals("2026-10-25T02:00:00Z", body.path("portraitAt").asText());
        assertEquals(json.readTree(Json.write(p)), body, "the REST body and the stream's data are one JSON");
    }

    @ParameterizedTest
    @CsvSource({"manager1, manager-pw", "admin1, admin-pw"})
    void managersAndAdminsAreStaffToo(String user, String password, TestInfo test) throws Exception {
        server.hub.publish(portrait(hall(test)));

        JsonNode body = json.readTree(get("/halls/" + hall(test) + "/guidance/latest", user, password).body());
        assertEquals("3700000012", body.path("account").asText());
    }

    @Test
    void aKioskSeesTheGreetingAndNothingElse(TestInfo test) throws Exception {
        Portrait p = portrait(hall(test));
        server.hub.publish(p);

        HttpResponse<String> response = get("/halls/" + hall(test) + "/guidance/latest", "kiosk1", "kiosk-pw");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals(GREETING, keys(body));
        assertEquals("李*，您好", body.path("greeting").asText());
        assertEquals("counter", body.path("route").asText());
        assertEquals(RouteAdvisor.MSG_COUNTER, body.path("message").asText());
        assertNothingStaffOnly(response.body());
    }

    @Test
    void withoutASwipeWithinTheTimeToLiveLatestIsNotFound(TestInfo test) throws Exception {
        HttpResponse<String> none = get("/halls/" + hall(test) + "/guidance/latest", "staff1", "staff-pw");
        assertEquals(404, none.statusCode());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("recent swipe in hall " + hall(test) + " not found", json.readTree(none.body()).path("detail").asText());

        server.hub.publish(portrait(hall(test)));
        assertEquals(200, get("/halls/" + hall(test) + "/guidance/latest", "staff1", "staff-pw").statusCode());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        try {
            assertEquals(404, get("/halls/" + hall(test) + "/guidance/latest", "staff1", "staff-pw").statusCode(),
                    "older than latestTtlMinutes");
        } finally {
            clock.advance(Duration.ofMinutes(-5).minusSeconds(1));
        }
    }

    @Test
    void anAnalystIsForbiddenAndAnonymousUnauthorized(TestInfo test) throws Exception {
        server.hub.publish(portrait(hall(test)));
        for (String path : List.of("/guidance/latest", "/guidance/stream")) {
            HttpResponse<String> analyst = get("/halls/" + hall(test) + path, "analyst1", "analyst-pw");
            assertEquals(403, analyst.statusCode(), path);
            assertEquals("User 'analyst1' has none of the roles this endpoint needs: kiosk, hall-staff, hall-manager.",
                    json.readTree(analyst.body()).path("detail").asText());
            assertNothingStaffOnly(analyst.body());

            HttpResponse<String> anonymous = get("/halls/" + hall(test) + path, null, null);
            assertEquals(401, anonymous.statusCode(), path);
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        }
        assertEquals(0, server.hub.streams().viewers(hall(test)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hall.one", "H%201", "0123456789012345678901234567890123456789X"})
    void aHallIdOfTheWrongShapeIsABadRequest(String hall) throws Exception {
        for (String path : List.of("/guidance/latest", "/guidance/stream")) {
            HttpResponse<String> response = get("/halls/" + hall + path, "staff1", "staff-pw");
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("hall", json.readTree(response.body()).path("field").asText());
        }
    }

    @Test
    void staffStreamsCarryPortraitsAndKioskStreamsGreetingsOnly(TestInfo test) throws Exception {
        String hall = hall(test);
        try (EventStreamClient staff = connected(hall, "staff1", "staff-pw", null);
                EventStreamClient kiosk = connected(hall, "kiosk1", "kiosk-pw", null)) {
            Portrait p = portrait(hall);
            server.hub.publish(p);

            String staffBlock = staff.nextEventBlock(WAIT);
            assertEquals("event: portrait\nid: " + p.id() + "\ndata: " + Json.write(p) + "\n\n", staffBlock);

            String kioskBlock = kiosk.nextEventBlock(WAIT);
            Event greeting = EventStreamClient.parse(kioskBlock);
            assertEquals("greeting", greeting.event());
            assertEquals(p.id(), greeting.id());
            JsonNode data = json.readTree(greeting.data());
            assertEquals(GREETING, keys(data));
            assertEquals("李*，您好", data.path("greeting").asText());
            assertNothingStaffOnly(kioskBlock);
        }
    }

    @Test
    void aScreenThatReconnectsWithLastEventIdGetsWhatItMissed(TestInfo test) throws Exception {
        String hall = hall(test);
        Portrait first = portrait(hall);
        Portrait second = portrait(hall);
        Portrait third = portrait(hall);
        for (Portrait p : List.of(first, second, third)) {
            server.hub.publish(p);
        }
        Portrait live = portrait(hall);
        try (EventStreamClient screen = connected(hall, "staff1", "staff-pw", first.id())) {
            assertEquals(second.id(), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
            assertEquals(third.id(), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
            server.hub.publish(live);
            assertEquals(live.id(), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
        }
        try (EventStreamClient fresh = connected(hall, "kiosk1", "kiosk-pw", null)) {
            // replaySize 3: the first portrait has left the buffer
            for (Portrait p : List.of(second, third, live)) {
                Event event = EventStreamClient.parse(fresh.nextEventBlock(WAIT));
                assertEquals(p.id(), event.id());
                assertEquals("greeting", event.event(), "a kiosk's replay is greetings too");
            }
        }
    }

    @Test
    void idleStreamsGetAHeartbeatAndGoneScreensAreDropped(TestInfo test) throws Exception {
        String hall = hall(test);
        EventStreamClient screen = connected(hall, "kiosk1", "kiosk-pw", null);
        assertEquals(": keep-alive\n\n", screen.nextBlock(WAIT));

        screen.close();

        awaitValue(0, () -> server.hub.streams().viewers(hall), "screens of " + hall);
    }

    /** Opens a stream, reads its opening and waits until the hall counts it. */
    static EventStreamClient connected(String hall, String user, String password, String lastEventId) throws Exception {
        int before = server.hub.streams().viewers(hall);
        EventStreamClient screen = EventStreamClient.open(http, server.uri("/halls/" + hall + "/guidance/stream"), user,
                password, lastEventId);
        assertEquals(200, screen.response().statusCode());
        assertEquals("text/event-stream",
                screen.response().headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""));
        assertEquals(": guidance " + hall + "\nretry: 3000\n\n", screen.nextBlock(WAIT));
        awaitValue(before + 1, () -> server.hub.streams().viewers(hall), "screens of " + hall);
        return screen;
    }

    /** Nothing of what only staff may see: accounts, tags, grades, arrears, cautions, reasons, the masked number. */
    static void assertNothingStaffOnly(String body) {
        for (String leak : List.of("3700000012", "3700000011", "account", "tags", "fee-risk", "grades", "complaint-risk",
                "arrears", "115.89", "caution", "disabled", "sensitive", "reasons", "3701", "unpaid", "workOrders",
                "50-59")) {
            assertFalse(body.contains(leak), leak + " leaked: " + body);
        }
    }

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    static void awaitValue(int expected, IntSupplier actual, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (actual.getAsInt() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + actual.getAsInt() + ", expected " + expected);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static HttpResponse<String> get(String path, String user, String password)
            throws IOException, InterruptedException {
        return http.send(EventStreamClient.request(server.uri(path), user, password)
                .setHeader("Accept", "application/json, text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
