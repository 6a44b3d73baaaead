package org.smarthall.channel.hallscreen.internal;

import org.smarthall.testing.EventStreamClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.testing.EventStreamClient.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stream over real HTTP, read as raw {@code text/event-stream} bytes: the SmartHall
 * application's authentication (JAAS, Karaf's properties login module), its problems, the SSE
 * support of CXF's JAX-RS runtime set up the way the whiteboard sets it up ({@link ScreenServer}),
 * and the channel sending into it. Each test uses halls of its own.
 */
class HallScreenStreamProtocolTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String REALM = "smarthall-test";
    static final String TEXT = "因线路检修，明日 9:00-12:00 城东片区停电。\n请提前做好准备。";

    @TempDir
    static Path dir;
    static Configuration previous;
    static ScreenServer server;
    static HttpClient http;
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
        // a heartbeat a second, so that the heartbeat and dead-screen tests need not wait long
        server = new ScreenServer(Map.of("heartbeatSeconds", 1), REALM);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        Configuration.setConfiguration(previous);
    }

    /** A hall of the test's own, so that no buffer or screen of another test is in the way. */
    static String hall(TestInfo test, String suffix) {
        String name = test.getTestMethod().orElseThrow().getName() + test.getDisplayName();
        return "t" + Integer.toHexString(name.hashCode()) + "-" + suffix;
    }

    static EventStreamClient open(String hall, String lastEventId) throws Exception {
        return EventStreamClient.open(http, server.uri("/halls/" + hall + "/screen/stream"), "kiosk1", "kiosk-pw",
                lastEventId);
    }

    /** Opens a stream, reads its opening and waits until the hall counts it. */
    static EventStreamClient connected(String hall, String lastEventId) throws Exception {
        int before = server.hub.screens().screens(hall);
        EventStreamClient screen = open(hall, lastEventId);
        assertEquals(": hall " + hall + "\nretry: 5000\n\n", screen.nextBlock(WAIT));
        awaitValue(before + 1, () -> server.hub.screens().screens(hall), "screens of " + hall);
        return screen;
    }

    /**
     * A message to a hall whose id is the hall's plus {@code suffix}: message ids are unique in the
     * outbox and the channel remembers them across halls, so the tests do not share any.
     */
    static OutboundMessage message(String suffix, String hall, String purpose, String text) {
        return new OutboundMessage(id(hall, suffix), null, purpose, hall, null, Map.of("area", "城东"), text, true);
    }

    static String id(String hall, String suffix) {
        return hall + ":" + suffix;
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

    @Test
    void theStreamOpensAtOnceAsAnEventStream(TestInfo test) throws Exception {
        String hall = hall(test, "H1");
        try (EventStreamClient screen = open(hall, null)) {
            assertEquals(200, screen.response().statusCode());
            assertEquals("text/event-stream", screen.response().headers().firstValue("Content-Type").orElseThrow()
                    .replaceAll(";.*", ""));
            // headers and the first bytes before any message: EventSource fires "open" now
            assertEquals(": hall " + hall + "\nretry: 5000\n\n", screen.nextBlock(WAIT));
        }
    }

    @Test
    void aMessageGoesOutAsOneEventInTheW3cFormat(TestInfo test) throws Exception {
        String hall = hall(test, "H1");
        try (EventStreamClient screen = connected(hall, null)) {
            SendResult result = server.channel.send(message("m-1", hall, "outage", TEXT));

            assertEquals(Outcome.DELIVERED, result.outcome());
            String block = screen.nextEventBlock(WAIT);
            String data = server.hub.screens().buffered(hall).get(0).data();
            // exactly these bytes: event, id, one data line, the blank line that dispatches it
            assertEquals("event: outage\nid: " + id(hall, "m-1") + "\ndata: " + data + "\n\n", block);
            assertFalse(block.contains("\r"));
            Event event = EventStreamClient.parse(block);
            assertEquals(id(hall, "m-1"), event.id());
            assertEquals("outage", event.event());
            JsonNode payload = json.readTree(event.data());
            assertEquals(id(hall, "m-1"), payload.path("messageId").asText());
            assertEquals("outage", payload.path("purpose").asText());
            assertEquals(TEXT, payload.path("text").asText(), "the line break and the Chinese arrive intact");
            assertEquals("城东", payload.path("parameters").path("area").asText());
            assertTrue(payload.path("urgent").asBoolean());
            assertTrue(payload.path("at").asText().endsWith("Z"));
        }
    }

    @Test
    void aScreenGetsItsHallsEventsAndNoOtherHalls(TestInfo test) throws Exception {
        String h1 = hall(test, "H1");
        String h2 = hall(test, "H2");
        try (EventStreamClient tv = connected(h1, null);
                EventStreamClient bigScreen = connected(h1, null);
                EventStreamClient elsewhere = connected(h2, null)) {
            assertEquals("written to 2 of 2 screens of hall " + h1,
                    server.channel.send(message("m-h1", h1, "notice", "今日营业至 17:00")).detail());
            assertEquals(Outcome.DELIVERED, server.channel.send(message("m-h2", h2, "notice", "暂停办理")).outcome());

            assertEquals(id(h1, "m-h1"), EventStreamClient.parse(tv.nextEventBlock(WAIT)).id());
            assertEquals(id(h1, "m-h1"), EventStreamClient.parse(bigScreen.nextEventBlock(WAIT)).id());
            assertEquals(id(h2, "m-h2"), EventStreamClient.parse(elsewhere.nextEventBlock(WAIT)).id(),
                    "the first event the other hall's screen sees is its own");
        }
    }

    @Test
    void aRepeatedMessageIdIsNotWrittenAgain(TestInfo test) throws Exception {
        String hall = hall(test, "H1");
        try (EventStreamClient screen = connected(hall, null)) {
            SendResult first = server.channel.send(message("m-1", hall, "notice", "今日营业至 17:00"));
            SendResult repeat = server.channel.send(message("m-1", hall, "notice", "今日营业至 17:00"));
            server.channel.send(message("m-2", hall, "notice", "明日照常营业"));

            assertEquals(first.outcome(), repeat.outcome());
            assertTrue(repeat.detail().endsWith("not shown again"), repeat.detail());
            assertEquals(id(hall, "m-1"), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
            assertEquals(id(hall, "m-2"), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
        }
    }

    @Test
    void aScreenThatReconnectsWithLastEventIdGetsWhatItMissedThenLiveEvents(TestInfo test) throws Exception {
        String hall = hall(test, "H1");
        for (String id : List.of("m-1", "m-2", "m-3")) {
            assertEquals(Outcome.ACCEPTED, server.channel.send(message(id, hall, "notice", "通知 " + id)).outcome());
        }
        try (EventStreamClient screen = connected(hall, id(hall, "m-1"))) {
            assertEquals(id(hall, "m-2"), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
            assertEquals(id(hall, "m-3"), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
            assertEquals(Outcome.DELIVERED, server.channel.send(message("m-4", hall, "notice", "通知 m-4")).outcome());
            assertEquals(id(hall, "m-4"), EventStreamClient.parse(screen.nextEventBlock(WAIT)).id());
        }
        try (EventStreamClient fresh = connected(hall, null)) {
            for (String id : List.of("m-1", "m-2", "m-3", "m-4")) {
                assertEquals(id(hall, id), EventStreamClient.parse(fresh.nextEventBlock(WAIT)).id(),
                        "a new screen gets the buffer");
            }
        }
    }

    @Test
    void idleStreamsGetAHeartbeatComment(TestInfo test) throws Exception {
        try (EventStreamClient screen = connected(hall(test, "H1"), null)) {
            assertEquals(": keep-alive\n\n", screen.nextBlock(WAIT));
        }
    }

    @Test
    void aScreenThatGoesAwayIsDropped(TestInfo test) throws Exception {
        String hall = hall(test, "H1");
        EventStreamClient screen = connected(hall, null);

        screen.close(); // the TV is switched off

        // the next heartbeats' writes fail on the closed connection
        awaitValue(0, () -> server.hub.screens().screens(hall), "screens of " + hall);
        assertEquals(Outcome.ACCEPTED, server.channel.send(message("m-1", hall, "notice", "无人接收")).outcome());
    }

    @ParameterizedTest
    @CsvSource({"kiosk1, kiosk-pw", "staff1, staff-pw", "manager1, manager-pw", "admin1, admin-pw"})
    void theHallsRolesMayListen(String user, String password, TestInfo test) throws Exception {
        try (EventStreamClient screen = EventStreamClient.open(http,
                server.uri("/halls/" + hall(test, "H1") + "/screen/stream"), user, password, null)) {
            assertEquals(200, screen.response().statusCode());
        }
    }

    @Test
    void withoutCredentialsTheStreamIsRefusedBeforeItOpens(TestInfo test) throws Exception {
        HttpResponse<String> response = get("/halls/" + hall(test, "H1") + "/screen/stream", null, null);

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(0, server.hub.screens().screens(hall(test, "H1")));
    }

    @Test
    void aRoleWithoutBusinessInTheHallIsForbidden(TestInfo test) throws Exception {
        HttpResponse<String> response = get("/halls/" + hall(test, "H1") + "/screen/stream", "analyst1", "analyst-pw");

        assertEquals(403, response.statusCode());
        JsonNode problem = json.readTree(response.body());
        assertEquals("User 'analyst1' has none of the roles this endpoint needs: kiosk, hall-staff, hall-manager.",
                problem.path("detail").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hall.one", "H%201", "0123456789012345678901234567890123456789X"})
    void aHallIdOfTheWrongShapeIsABadRequest(String hall) throws Exception {
        HttpResponse<String> response = get("/halls/" + hall + "/screen/stream", "kiosk1", "kiosk-pw");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = json.readTree(response.body());
        assertEquals("hall", problem.path("field").asText());
        assertEquals("hall: must be a hall id: 1 to 40 letters, digits, '_' or '-'", problem.path("detail").asText());
        assertEquals(0, server.hub.screens().screens(hall));
    }

    @Test
    void theStreamLivesBesideTheHallsResource() throws Exception {
        HttpResponse<String> response = get("/halls/H1", "kiosk1", "kiosk-pw");

        assertEquals(200, response.statusCode());
        assertEquals("{\"id\":\"H1\"}", response.body());
    }

    private static HttpResponse<String> get(String path, String user, String password)
            throws IOException, InterruptedException {
        return http.send(EventStreamClient.request(server.uri(path), user, password)
                .setHeader("Accept", "application/json, text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
