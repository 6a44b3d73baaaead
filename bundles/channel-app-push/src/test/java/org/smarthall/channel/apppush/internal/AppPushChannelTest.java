package org.smarthall.channel.apppush.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.channel.apppush.internal.GatewayStub.Answer;
import org.smarthall.testing.Annotations;

import com.fasterxml.jackson.databind.JsonNode;
import org.smarthall.testing.MutableClock;

/** The channel against a stub of the documented app gateway: every answer, receipts, health. */
class AppPushChannelTest {
    static final Instant NOW = Instant.parse("2026-11-23T07:30:00Z");
    static final String USER = "app-user-5531902847";

    GatewayStub stub;
    MutableClock clock;

    @BeforeEach
    void startStub() throws Exception {
        stub = new GatewayStub();
        clock = new MutableClock(NOW);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    AppPushChannel channel(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("baseUrl", stub.baseUrl() + "/", "_apiKey",
                GatewayStub.API_KEY));
        config.putAll(overrides);
        return new AppPushChannel(AppPushSettings.of(Annotations.of(AppPushConfig.class, config)), clock);
    }

    AppPushChannel channel() {
        return channel(Map.of());
    }

    static OutboundMessage reminder(String messageId, String userId) {
        return new OutboundMessage(messageId, "3701000123", "purchase_reminder", userId, null,
                Map.of("title", "余额不足提醒", "balance", "18.40", "link", "sgcc://recharge"),
                "您的电费余额为18.40元，低于20元，请及时购电。", false);
    }

    @Test
    void anAcceptedPushGoesOutAsDocumented() {
        SendResult result = channel().send(reminder("msg-1", USER));

        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals("p_1", result.providerMessageId());
        assertEquals("queued", result.detail());
        assertEquals(List.of("msg-1"), stub.idempotencyKeys);
        assertEquals("Bearer " + GatewayStub.API_KEY, stub.lastAuthorization);
        JsonNode sent = stub.delivered.get(0);
        assertEquals("msg-1", sent.path("messageId").asText());
        assertEquals(USER, sent.path("userId").asText());
        assertEquals("purchase_reminder", sent.path("purpose").asText());
        assertEquals("余额不足提醒", sent.path("title").asText());
        assertEquals("您的电费余额为18.40元，低于20元，请及时购电。", sent.path("body").asText());
        assertTrue(sent.path("template").isNull());
        assertEquals(Map.of("balance", "18.40", "link", "sgcc://recharge"),
                Map.of("balance", sent.path("data").path("balance").asText(), "link",
                        sent.path("data").path("link").asText()));
        assertEquals(2, sent.path("data").size(), "the title is not a data field");
        assertFalse(sent.path("urgent").asBoolean());
    }

    @Test
    void withoutATitleParameterTheDefaultTitleIsUsedAndATemplatePassesThrough() {
        OutboundMessage outage = new OutboundMessage("msg-2", null, "outage", USER, "outage-notice",
                Map.of("area", "历下区"), null, true);
        assertEquals(Outcome.ACCEPTED, channel().send(outage).outcome());
        JsonNode sent = stub.delivered.get(0);
        assertEquals("国网电力", sent.path("title").asText());
        assertEquals("outage-notice", sent.path("template").asText());
        assertTrue(sent.path("body").isNull());
        assertTrue(sent.path("urgent").asBoolean());
    }

    @Test
    void aRetryAfterATimeoutCarriesTheSameKeyAndThePushIsDeliveredOnce() {
        AppPushChannel channel = channel(Map.of("requestTimeoutMillis", 300));
        stub.answerSlowly(1, Duration.ofSeconds(5)); // the gateway queues it, its answer is lost

        SendResult first = channel.send(reminder("msg-1", USER));
        SendResult retry = channel.send(reminder("msg-1", USER));

        assertEquals(Outcome.RETRY, first.outcome());
        assertTrue(first.detail().contains("the retry carries the same Idempotency-Key"), first.detail());
        assertEquals(Outcome.ACCEPTED, retry.outcome());
        assertEquals("p_1", retry.providerMessageId());
        assertEquals("accepted before: the gateway had this Idempotency-Key", retry.detail());
        assertEquals(List.of("msg-1", "msg-1"), stub.idempotencyKeys);
        assertEquals(1, stub.delivered.size(), "delivered once");
    }

    @Test
    void aSecondSendOfAnAcceptedMessageGetsTheSamePushIdAndIsNotPushedAgain() {
        AppPushChannel channel = channel();
        String first = channel.send(reminder("msg-1", USER)).providerMessageId();
        SendResult again = channel.send(reminder("msg-1", USER));
        assertEquals(Outcome.ACCEPTED, again.outcome());
        assertEquals(first, again.providerMessageId());
        assertEquals(1, stub.delivered.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "500 | ''  | ",
        "502 | ''  | ",
        "503 | 30  | PT30S",
    })
    void serverErrorsAreRetriedAndTheRetryDeliversOnce(int status, String retryAfter, Duration expected) {
        AppPushChannel channel = channel();
        Answer answer = Answer.of(status, "{\"error\":\"unavailable\"}");
        stub.scriptPush(retryAfter.isEmpty() ? answer : answer.retryAfter(retryAfter));

        SendResult result = channel.send(reminder("msg-1", USER));

        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("HTTP " + status + " unavailable", result.detail());
        assertEquals(expected, result.retryAfter());
        assertEquals(Outcome.ACCEPTED, channel.send(reminder("msg-1", USER)).outcome());
        assertEquals(List.of("msg-1", "msg-1"), stub.idempotencyKeys);
        assertEquals(1, stub.delivered.size());
    }

    @Test
    void anInvalidRequest400IsRejectedWithTheGatewaysDetail() {
        OutboundMessage tooLong = new OutboundMessage("msg-1", null, "bill", USER, null, Map.of(), "电".repeat(501),
                false);
        SendResult result = channel().send(tooLong);
        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("HTTP 400 invalid_request: body longer than 500 characters", result.detail());
        assertTrue(stub.delivered.isEmpty());
    }

    @Test
    void anUnknownUser404IsRejected() {
        stub.unknownUsers.add(USER);
        SendResult result = channel().send(reminder("msg-1", USER));
        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("HTTP 404 unknown_user", result.detail());
    }

    @Test
    void aUserWhoTurnedPushOff410RefusesIt() {
        stub.disabledUsers.add(USER);
        SendResult result = channel().send(reminder("msg-1", USER));
        assertEquals(Outcome.REFUSED_BY_RECIPIENT, result.outcome());
        assertEquals("HTTP 410 push_disabled", result.detail());
        assertNull(result.retryAfter());
        assertTrue(stub.delivered.isEmpty());
    }

    @Test
    void aRateLimit429PausesSendsForRetryAfter() {
        AppPushChannel channel = channel();
        stub.scriptPush(Answer.of(429, "{\"error\":\"rate_limited\"}").retryAfter("120"));

        SendResult limited = channel.send(reminder("msg-1", USER));

        assertEquals(Outcome.RETRY, limited.outcome());
        assertEquals(Duration.ofMinutes(2), limited.retryAfter());
        assertEquals("HTTP 429 rate_limited", limited.detail());
        // paused: the next send does not spend a call the gateway would refuse anyway
        clock.advance(Duration.ofSeconds(90));
        SendResult paused = channel.send(reminder("msg-2", USER));
        assertEquals(Outcome.RETRY, paused.outcome());
        assertEquals(Duration.ofSeconds(30), paused.retryAfter());
        assertEquals(1, stub.pushCalls.get());
        assertEquals(HealthCheck.Status.DEGRADED, channel.health().status());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Outcome.ACCEPTED, channel.send(reminder("msg-2", USER)).outcome());
        assertEquals(HealthCheck.Status.UP, channel.health().status());
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsTheConfiguredTime() {
        stub.scriptPush(Answer.of(429, "{\"error\":\"rate_limited\"}"));
        SendResult result = channel(Map.of("rateLimitRetrySeconds", 45)).send(reminder("msg-1", USER));
        assertEquals(Duration.ofSeconds(45), result.retryAfter());
    }

    @Test
    void aRefusedApiKeyIsARetryNotADeadLetter() {
        SendResult result = channel(Map.of("_apiKey", "revoked-" + java.util.UUID.randomUUID())).send(reminder("msg-1", USER));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("HTTP 401 unauthorized: the gateway refuses the API key", result.detail());
    }

    @Test
    void anAnswerWithoutPushIdIsRetriedAndTheRetryFetchesIt() {
        AppPushChannel channel = channel();
        stub.scriptPush(Answer.of(202, "not json"));
        assertEquals(Outcome.RETRY, channel.send(reminder("msg-1", USER)).outcome());
        assertEquals(Outcome.ACCEPTED, channel.send(reminder("msg-1", USER)).outcome());
    }

    @Test
    void anUnreachableGatewayIsARetry() throws Exception {
        String gone;
        try (GatewayStub stopped = new GatewayStub()) {
            gone = stopped.baseUrl();
        }
        AppPushChannel channel = channel(Map.of("baseUrl", gone));
        SendResult result = channel.send(reminder("msg-1", USER));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("push: ConnectException", result.detail());
        assertEquals(HealthCheck.Status.DOWN, channel.health().status());
        assertEquals(Outcome.RETRY, channel.receipt("p_1").outcome());
    }

    @Test
    void aMessageWithoutIdUserOrContentIsRejectedWithoutACall() {
        AppPushChannel channel = channel();
        assertEquals("no message id: the gateway's Idempotency-Key needs one",
                channel.send(reminder(" ", USER)).detail());
        assertEquals("no app user id to push to", channel.send(reminder("msg-1", null)).detail());
        SendResult empty = channel.send(new OutboundMessage("msg-2", null, "bill", USER, null, Map.of(), " ", false));
        assertEquals(Outcome.REJECTED, empty.outcome());
        assertEquals("nothing to show: the message has neither text nor template", empty.detail());
        assertEquals(0, stub.pushCalls.get());
    }

    @Test
    void receiptsFollowThePushUntilItIsDeliveredOrFails() {
        AppPushChannel channel = channel();
        String first = channel.send(reminder("msg-1", USER)).providerMessageId();
        String second = channel.send(reminder("msg-2", USER)).providerMessageId();

        assertEquals(new SendResult(Outcome.ACCEPTED, first, "queued", null), channel.receipt(first));
        stub.receipts.put(first, "delivered");
        stub.receipts.put(second, "failed");
        assertEquals(new SendResult(Outcome.DELIVERED, first, "delivered", null), channel.receipt(first));
        assertEquals(new SendResult(Outcome.REJECTED, second, "failed: app uninstalled", null),
                channel.receipt(second));
        SendResult unknown = channel.receipt("p_999");
        assertEquals(Outcome.REJECTED, unknown.outcome());
        assertEquals("the gateway knows no push p_999", unknown.detail());
        assertEquals(4, stub.receiptCalls.get());
    }

    @Test
    void theHealthCheckAsksTheGateway() {
        AppPushChannel channel = channel();
        assertEquals(HealthCheck.Result.up("gateway up"), channel.health());
        stub.healthStatus = "degraded";
        assertEquals(new HealthCheck.Result(HealthCheck.Status.DEGRADED, "gateway says 'degraded'"), channel.health());
        assertEquals(HealthCheck.Result.down("the gateway refuses the API key (HTTP 401)"),
                channel(Map.of("_apiKey", "revoked-" + java.util.UUID.randomUUID())).health());
        assertEquals(3, stub.healthCalls.get());
    }

    @Test
    void theChannelSaysWhatItCarries() {
        AppPushChannel channel = channel();
        assertEquals("app-push", channel.id());
        assertEquals(new ChannelCapabilities(500, false, true, true), channel.capabilities());
    }
}
