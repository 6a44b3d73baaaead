package org.smarthall.channel.hallscreen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.channel.hallscreen.internal.FakeScreen.Writes;
import org.smarthall.testing.Annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smarthall.testing.MutableClock;

/** The channel as the outbox sees it: outcomes, repeats, refusals, the event it puts on the screens. */
class HallScreenChannelTest {
    static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");
    static final String OUTAGE = "因线路检修，明日 9:00-12:00 城东片区停电。\n请提前做好准备。";

    private final MutableClock clock = new MutableClock(NOW);
    private HallScreenHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.stop();
        }
    }

    HallScreenChannel channel(Map<String, Object> config) {
        hub = new HallScreenHub(HallScreenSettings.of(Annotations.of(HallScreenConfig.class, config)), clock);
        return new HallScreenChannel(hub);
    }

    HallScreenChannel channel() {
        return channel(Map.of());
    }

    static OutboundMessage toHall(String messageId, String hall, String purpose, String text) {
        return new OutboundMessage(messageId, null, purpose, hall, null, Map.of("area", "城东", "from", "09:00"), text,
                true);
    }

    static OutboundMessage outage(String messageId, String hall) {
        return toHall(messageId, hall, "outage", OUTAGE);
    }

    @Test
    void capabilitiesComeFromTheConfiguration() {
        assertEquals(new ChannelCapabilities(120, false, false, false),
                channel(Map.of("maxLength", 120)).capabilities());
        assertEquals("hall-screen", channel().id());
    }

    @Test
    void aMessageToAHallWithAScreenIsDeliveredAsOneEvent() throws Exception {
        HallScreenChannel channel = channel();
        FakeScreen tv = new FakeScreen();
        hub.screens().connect("H1", tv, null);

        SendResult result = channel.send(outage("m-1", "H1"));

        assertEquals(Outcome.DELIVERED, result.outcome());
        assertEquals("m-1", result.providerMessageId(), "the event id, which a screen sends back as Last-Event-ID");
        assertEquals("written to 1 of 1 screens of hall H1", result.detail());
        ScreenEvent event = hub.screens().buffered("H1").get(0);
        assertEquals("m-1", event.messageId());
        assertEquals("outage", event.name());
        assertEquals(NOW, event.at());
        assertFalse(event.data().contains("\n"), "one line of JSON: " + event.data());
        JsonNode data = new ObjectMapper().readTree(event.data());
        assertEquals("m-1", data.path("messageId").asText());
        assertEquals("outage", data.path("purpose").asText());
        assertEquals(OUTAGE, data.path("text").asText());
        assertEquals("城东", data.path("parameters").path("area").asText());
        assertEquals("09:00", data.path("parameters").path("from").asText());
        assertTrue(data.path("urgent").asBoolean());
        assertEquals("2026-11-23T01:30:00Z", data.path("at").asText());
        assertEquals(List.of("messageId", "purpose", "text", "parameters", "urgent", "at"),
                names(data.fieldNames()));
    }

    @Test
    void aMessageToAHallWithoutScreensIsAcceptedAndKeptForTheFirstScreen() {
        HallScreenChannel channel = channel();

        SendResult result = channel.send(outage("m-1", "H1"));

        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals("m-1", result.providerMessageId());
        assertEquals("no screen of hall H1 connected: kept for screens that connect within 30 min", result.detail());
        FakeScreen morning = new FakeScreen();
        hub.screens().connect("H1", morning, null);
        assertEquals(List.of("m-1"), morning.ids());
    }

    @Test
    void whenNoScreenConfirmsTheWriteInTimeTheMessageIsAccepted() {
        HallScreenChannel channel = channel(Map.of("deliveryWaitMillis", 50));
        FakeScreen stalled = new FakeScreen();
        stalled.writes = Writes.HANG;
        hub.screens().connect("H1", stalled, null);

        SendResult result = channel.send(outage("m-1", "H1"));

        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals("none of the 1 screens of hall H1 confirmed the write within 50 ms: kept for screens that"
                + " connect within 30 min", result.detail());
    }

    @Test
    void withReplayOffAnAcceptedMessageSaysItWillNotBeShown() {
        SendResult result = channel(Map.of("replayMinutes", 0)).send(outage("m-1", "H1"));

        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals("no screen of hall H1 connected: replay is off: screens that connect later will not show it",
                result.detail());
    }

    @Test
    void aRepeatIsNotShownAgainAndAnswersTheSameOutcome() {
        HallScreenChannel channel = channel();
        FakeScreen tv = new FakeScreen();
        hub.screens().connect("H1", tv, null);
        SendResult first = channel.send(outage("m-1", "H1"));
        clock.advance(Duration.ofMinutes(3));

        SendResult repeat = channel.send(outage("m-1", "H1"));

        assertEquals(Outcome.DELIVERED, first.outcome());
        assertEquals(first.outcome(), repeat.outcome());
        assertEquals(first.providerMessageId(), repeat.providerMessageId());
        assertEquals("written to 1 of 1 screens of hall H1; sent before at 2026-11-23T01:30:00Z, not shown again",
                repeat.detail());
        assertEquals(List.of("m-1"), tv.ids());
    }

    @Test
    void aRepeatOfAnAcceptedMessageIsAcceptedAgainThoughAScreenCameMeanwhile() {
        HallScreenChannel channel = channel();
        SendResult first = channel.send(outage("m-1", "H1"));
        FakeScreen tv = new FakeScreen();
        hub.screens().connect("H1", tv, null);

        SendResult repeat = channel.send(outage("m-1", "H1"));

        assertEquals(Outcome.ACCEPTED, first.outcome());
        assertEquals(Outcome.ACCEPTED, repeat.outcome());
        assertEquals(List.of("m-1"), tv.ids(), "by replay, once");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "H/1", "H 1", "hall.one", "大厅1", "0123456789012345678901234567890123456789X"})
    void anAddressThatIsNoHallIdIsRejected(String address) {
        SendResult result = channel().send(toHall("m-1", address, "notice", "今日营业至 17:00"));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("the address is not a hall id: 1 to 40 letters, digits, '_' or '-'", result.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "hall_01", "JN-LX-0001", "0123456789012345678901234567890123456789"})
    void anyHallIdOfTheRightShapeIsAHall(String hall) {
        assertEquals(Outcome.ACCEPTED, channel().send(toHall("m-1", hall, "notice", "今日营业至 17:00")).outcome());
    }

    @Test
    void messagesTheScreensCannotShowAreRejected() {
        HallScreenChannel channel = channel(Map.of("maxLength", 10));

        assertEquals("no message", channel.send(null).detail());
        assertEquals("no message id: a screen's Last-Event-ID and the check against repeats need one",
                channel.send(toHall(" ", "H1", "notice", "ok")).detail());
        assertEquals("the message id cannot be an event id: one line of at most 200 characters",
                channel.send(toHall("m-1\nevent: forged", "H1", "notice", "ok")).detail());
        assertEquals("nothing to show: the message has no text (hall screens take no templates)",
                channel.send(toHall("m-2", "H1", "notice", " ")).detail());
        assertEquals("the text has 11 characters; the hall screens show at most 10 (maxLength): shorten it rather than"
                + " have it cut", channel.send(toHall("m-3", "H1", "notice", "请到三号窗口办理业务。")).detail());
        SendResult fits = channel.send(toHall("m-4", "H1", "notice", "请到三号窗口办理业务"));
        assertEquals(Outcome.ACCEPTED, fits.outcome(), "10 characters fit, counted as characters, not bytes");
        assertEquals(List.of("m-4"), hub.screens().buffered("H1").stream().map(ScreenEvent::messageId).toList());
    }

    @Test
    void theEventIsNamedByThePurposeWhenThatIsAPlainToken() {
        assertEquals("outage", HallScreenChannel.eventName("outage"));
        assertEquals("queue_call", HallScreenChannel.eventName("queue_call"));
        assertEquals("notice", HallScreenChannel.eventName(null));
        assertEquals("notice", HallScreenChannel.eventName("outage\ndata: forged"));
        assertEquals("notice", HallScreenChannel.eventName("停电"));
    }

    @Test
    void healthIsUpAndCountsTheScreens() {
        HallScreenChannel channel = channel();
        assertEquals(new HealthCheck.Result(HealthCheck.Status.UP, "0 screens connected in 0 halls"), channel.health());
        hub.screens().connect("H1", new FakeScreen(), null);
        hub.screens().connect("H1", new FakeScreen(), null);
        hub.screens().connect("H2", new FakeScreen(), null);

        assertEquals(new HealthCheck.Result(HealthCheck.Status.UP, "3 screens connected in 2 halls"), channel.health());
    }

    /** What a hall shows is public, but the account behind a message is not: never shown, never logged. */
    @Test
    void theAccountAndTheTextStayOutOfTheEventAndTheLog() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            HallScreenChannel channel = channel(Map.of("maxLength", 40));
            FakeScreen tv = new FakeScreen();
            hub.screens().connect("H1", tv, null);
            OutboundMessage call = new OutboundMessage("m-call", "3701000123", "queue_call", "H1", null,
                    Map.of("ticket", "A012", "window", "3"), "请 A012 号到 3 号窗口", false);
            channel.send(call);
            channel.send(call);
            channel.send(new OutboundMessage("m-long", "3701000123", "queue_call", "H1", null, Map.of(),
                    "请 A012 号到 3 号窗口".repeat(5), false));
            tv.writes = Writes.FAIL;
            channel.send(new OutboundMessage("m-lost", "3701000123", "queue_call", "H1", null, Map.of("ticket", "A013"),
                    "请 A013 号到 3 号窗口", false));
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("m-call") && logged.contains("m-long") && logged.contains("m-lost"),
                "the log was captured: " + logged);
        for (String secret : new String[] {"3701000123", "A012", "A013", "窗口"}) {
            assertFalse(logged.contains(secret), "logged: " + secret + "\n" + logged);
        }
        for (ScreenEvent event : hub.screens().buffered("H1")) {
            assertFalse(event.data().contains("3701000123"), "the account reached a screen: " + event.data());
        }
    }

    private static List<String> names(Iterator<String> fields) {
        List<String> names = new ArrayList<>();
        fields.forEachRemaining(names::add);
        return names;
    }
}
