package org.smarthall.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.channel.wechat.internal.WeChatStub.Answer;
import org.smarthall.testing.Annotations;

import com.fasterxml.jackson.databind.JsonNode;
import org.smarthall.testing.MutableClock;

/** The channel against a stub of WeChat's API: every errcode path, the token, the health check. */
class WeChatChannelTest {
    /** 15:30 in Beijing: the daily quota resets 8 h 30 min later. */
    static final Instant NOW = Instant.parse("2026-11-23T07:30:00Z");
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    WeChatStub stub;
    MutableClock clock;

    @BeforeEach
    void startStub() throws Exception {
        stub = new WeChatStub();
        clock = new MutableClock(NOW);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    WeChatChannel channel(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("baseUrl", stub.baseUrl(), "appId", WeChatStub.APP_ID,
                "_appSecret", WeChatStub.APP_SECRET, "templates",
                "bill=" + WeChatStub.TEMPLATE_BILL + ",outage=" + WeChatStub.TEMPLATE_OUTAGE,
                "maxSendsPerSecond", 1000));
        config.putAll(overrides);
        return new WeChatChannel(WeChatSettings.of(Annotations.of(WeChatConfig.class, config)), clock, System::nanoTime,
                SendPacer.THREAD_SLEEP);
    }

    WeChatChannel channel() {
        return channel(Map.of());
    }

    static OutboundMessage bill(String messageId, String openid) {
        return new OutboundMessage(messageId, "3701000123", "bill", openid, null,
                Map.of("thing1", "11月电费账单", "amount2", "128.50元", "url", "https://hall.example/bill/11"), null, false);
    }

    @Test
    void acceptedMessageReturnsTheMsgidAndGoesOutInWeChatsFormat() {
        SendResult result = channel().send(bill("msg-1", OPENID));

        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals("3147483648", result.providerMessageId());
        assertEquals(1, stub.delivered.size());
        JsonNode sent = stub.delivered.get(0);
        assertEquals(OPENID, sent.path("touser").asText());
        assertEquals(WeChatStub.TEMPLATE_BILL, sent.path("template_id").asText());
        assertEquals("https://hall.example/bill/11", sent.path("url").asText());
        assertEquals("msg-1", sent.path("client_msg_id").asText());
        assertEquals("11月电费账单", sent.path("data").path("thing1").path("value").asText());
        assertEquals("128.50元", sent.path("data").path("amount2").path("value").asText());
        assertTrue(sent.path("data").path("url").isMissingNode(), "the url parameter is the link, not a field");
    }

    @Test
    void aTemplateNamedByTheMessageWinsOverThePurpose() {
        OutboundMessage outage = new OutboundMessage("msg-2", null, "bill", OPENID, WeChatStub.TEMPLATE_OUTAGE,
                Map.of("thing1", "线路检修"), null, true);
        assertEquals(Outcome.ACCEPTED, channel().send(outage).outcome());
        assertEquals(WeChatStub.TEMPLATE_OUTAGE, stub.delivered.get(0).path("template_id").asText());
        assertTrue(stub.delivered.get(0).path("url").isMissingNode());
    }

    @Test
    void aMessageWithoutTemplateOrOpenidIsRejectedWithoutACall() {
        WeChatChannel channel = channel();
        OutboundMessage unknownPurpose = new OutboundMessage("msg-3", null, "marketing", OPENID, null, Map.of(), null,
                false);
        SendResult noTemplate = channel.send(unknownPurpose);
        assertEquals(Outcome.REJECTED, noTemplate.outcome());
        assertEquals("no template for purpose 'marketing': configure templates", noTemplate.detail());
        assertEquals(Outcome.REJECTED, channel.send(bill("msg-4", " ")).outcome());
        assertEquals(0, stub.tokenCalls.get() + stub.sendCalls.get());
    }

    @Test
    void theTokenIsFetchedOnceAndSharedBySends() {
        WeChatChannel channel = channel();
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.ACCEPTED, channel.send(bill("msg-" + i, OPENID)).outcome());
        }
        assertEquals(1, stub.tokenCalls.get());
        assertEquals(5, stub.sendCalls.get());
    }

    @Test
    void theTokenIsRefreshedFiveMinutesBeforeItExpires() {
        WeChatChannel channel = channel();
        channel.send(bill("msg-1", OPENID));
        clock.advance(Duration.ofSeconds(7200 - 300 - 1));
        channel.send(bill("msg-2", OPENID));
        assertEquals(1, stub.tokenCalls.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Outcome.ACCEPTED, channel.send(bill("msg-3", OPENID)).outcome());
        assertEquals(2, stub.tokenCalls.get());
    }

    @Test
    void anExpiredToken42001IsReplacedAndTheSendRetriedInTheSameCall() {
        WeChatChannel channel = channel();
        channel.send(bill("msg-1", OPENID));
        stub.expireTokens(); // WeChat retired it early (another client fetched a token, say)

        SendResult result = channel.send(bill("msg-2", OPENID));

        assertEquals(Outcome.ACCEPTED, result.outcome());
        assertEquals(2, stub.tokenCalls.get());
        assertEquals(3, stub.sendCalls.get());
        assertEquals(2, stub.delivered.size());
    }

    @Test
    void aToken40001StillRefusedAfterAFreshOneIsARetry() {
        stub.scriptSend(Answer.error(40001, "invalid credential, access_token is invalid or not latest"),
                Answer.error(40001, "invalid credential, access_token is invalid or not latest"));

        SendResult result = channel().send(bill("msg-1", OPENID));

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().startsWith("errcode 40001 invalid credential"), result.detail());
        assertTrue(result.detail().endsWith("(with a freshly fetched token too)"), result.detail());
        assertEquals(2, stub.tokenCalls.get(), "one refresh, not a loop");
        assertEquals(2, stub.sendCalls.get());
    }

    @Test
    void aRecipientWhoRefusedMessages43101WithdrawsConsent() {
        stub.refusingOpenids.add(OPENID);
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.REFUSED_BY_RECIPIENT, result.outcome());
        assertTrue(result.detail().startsWith("errcode 43101 user refuse to accept the msg"), result.detail());
        assertNull(result.retryAfter());
        assertTrue(stub.delivered.isEmpty());
    }

    @Test
    void theDailyQuota45009PausesSendsUntilTheQuotaDayTurns() {
        WeChatChannel channel = channel();
        stub.scriptSend(Answer.error(45009, "reach max api daily quota limit"));

        SendResult result = channel.send(bill("msg-1", OPENID));

        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(Duration.ofHours(8).plusMinutes(30), result.retryAfter());
        assertTrue(result.detail().startsWith("errcode 45009 reach max api daily quota limit"), result.detail());
        // paused: the next send does not spend a call WeChat would refuse anyway
        clock.advance(Duration.ofHours(8));
        SendResult paused = channel.send(bill("msg-2", OPENID));
        assertEquals(Outcome.RETRY, paused.outcome());
        assertEquals(Duration.ofMinutes(30), paused.retryAfter());
        assertEquals(1, stub.sendCalls.get());
        assertEquals(HealthCheck.Status.DEGRADED, channel.health().status());
        // midnight in Beijing: sending again
        clock.advance(Duration.ofMinutes(30));
        assertEquals(Outcome.ACCEPTED, channel.send(bill("msg-2", OPENID)).outcome());
        assertEquals(HealthCheck.Status.UP, channel.health().status());
    }

    @Test
    void theQuotaResetHourIsConfigurable() {
        stub.scriptSend(Answer.error(45009, "reach max api daily quota limit"));
        SendResult result = channel(Map.of("dailyQuotaResetHour", 6)).send(bill("msg-1", OPENID));
        assertEquals(Duration.ofHours(14).plusMinutes(30), result.retryAfter());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1    | system error                    | PT10S",
        "45011 | api minute-quota reach limit    | PT10M",
        "45047 | out of response count limit     | PT10M",
    })
    void busyAndFrequencyLimitsAreRetriedAfterTheirBackoff(int errcode, String errmsg, Duration retryAfter) {
        stub.scriptSend(Answer.error(errcode, errmsg));
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(retryAfter, result.retryAfter());
        assertTrue(result.detail().startsWith("errcode " + errcode + " " + errmsg), result.detail());
    }

    @Test
    void backoffsAreConfigurable() {
        stub.scriptSend(Answer.error(-1, "system error"), Answer.error(45047, "out of response count limit"));
        WeChatChannel channel = channel(Map.of("busyRetrySeconds", 3, "frequencyLimitRetrySeconds", 120));
        assertEquals(Duration.ofSeconds(3), channel.send(bill("msg-1", OPENID)).retryAfter());
        assertEquals(Duration.ofMinutes(2), channel.send(bill("msg-2", OPENID)).retryAfter());
    }

    @Test
    void anInvalidOpenid40003IsRejected() {
        stub.unknownOpenids.add(OPENID);
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().startsWith("errcode 40003 invalid openid"), result.detail());
    }

    @Test
    void anInvalidTemplate40037IsRejected() {
        OutboundMessage message = new OutboundMessage("msg-1", null, "bill", OPENID, "TPL-deleted", Map.of("a", "b"),
                null, false);
        SendResult result = channel().send(message);
        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().startsWith("errcode 40037 invalid template_id"), result.detail());
    }

    @Test
    void anInvalidArgument47003IsRejected() {
        stub.scriptSend(Answer.error(47003, "argument invalid! data.time2.value invalid"));
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().startsWith("errcode 47003 argument invalid! data.time2.value invalid"));
    }

    @Test
    void anUnknownErrcodeIsARetryThatNamesIt() {
        stub.scriptSend(Answer.error(48001, "api unauthorized"));
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.RETRY, result.outcome());
        assertNull(result.retryAfter(), "the outbox's own backoff");
        assertTrue(result.detail().startsWith("errcode 48001 api unauthorized"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200 | <html>gateway</html>         | template/send: answer is not JSON",
        "200 | {\"errcode\":0,\"errmsg\":   | template/send: answer is not JSON",
        "200 | [1,2]                        | template/send: answer is not a JSON object",
        "200 | {\"errcode\":\"zero\"}       | template/send: errcode is not a number",
        "502 | Bad Gateway                  | template/send: HTTP 502",
    })
    void anUnreadableAnswerIsARetry(int status, String body, String detail) {
        stub.scriptSend(Answer.raw(status, body));
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(detail, result.detail());
    }

    @Test
    void aTimeoutIsARetrySoonEnoughForWeChatToDropARepeat() {
        stub.scriptSend(Answer.raw(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}").after(Duration.ofSeconds(5)));
        SendResult result = channel(Map.of("requestTimeoutMillis", 200)).send(bill("msg-1", OPENID));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(Duration.ofSeconds(10), result.retryAfter());
        assertTrue(result.detail().contains("outcome unknown"), result.detail());
    }

    @Test
    void aRepeatAfterATimeoutCarriesTheSameClientMsgIdSoWeChatDeliversOnce() {
        WeChatChannel channel = channel(Map.of("requestTimeoutMillis", 300));
        stub.answerSlowly(1, Duration.ofSeconds(5)); // WeChat sends the message, but its answer is lost

        assertEquals(Outcome.RETRY, channel.send(bill("msg-1", OPENID)).outcome());
        SendResult again = channel.send(bill("msg-1", OPENID));

        assertEquals(Outcome.ACCEPTED, again.outcome());
        assertEquals("3147483648", again.providerMessageId(), "the msgid of the first delivery");
        assertEquals(2, stub.sendCalls.get());
        assertEquals(1, stub.delivered.size());
    }

    @Test
    void anUnreachableApiIsARetry() {
        WeChatChannel channel = channel();
        stub.stop();
        SendResult result = channel.send(bill("msg-1", OPENID));
        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().startsWith("token: "), result.detail());
        assertEquals(HealthCheck.Status.DOWN, channel.health().status());
    }

    @Test
    void aRefusedTokenIsARetryAndIsNotAskedForAgainAtOnce() {
        WeChatChannel channel = channel(Map.of("_appSecret", "wrong-secret"));
        SendResult first = channel.send(bill("msg-1", OPENID));
        SendResult second = channel.send(bill("msg-2", OPENID));

        assertEquals(Outcome.RETRY, first.outcome());
        assertTrue(first.detail().startsWith("token: errcode 40125 invalid appsecret"), first.detail());
        assertEquals(first.detail(), second.detail());
        assertEquals(1, stub.tokenCalls.get(), "a failed fetch is held, not repeated per send");
        assertEquals(0, stub.sendCalls.get());
        clock.advance(Duration.ofSeconds(10));
        channel.send(bill("msg-3", OPENID));
        assertEquals(2, stub.tokenCalls.get());
    }

    @Test
    void aTokenAnswerWithoutATokenIsARetry() {
        stub.scriptToken(Answer.raw(200, "{\"expires_in\":7200}"));
        SendResult result = channel().send(bill("msg-1", OPENID));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("token: answer without access_token or expires_in", result.detail());
    }

    @Test
    void aMessageAcceptedBeforeIsNotSentAgain() {
        WeChatChannel channel = channel();
        SendResult first = channel.send(bill("msg-1", OPENID));
        SendResult again = channel.send(bill("msg-1", OPENID));
        assertEquals(Outcome.ACCEPTED, again.outcome());
        assertEquals(first.providerMessageId(), again.providerMessageId());
        assertEquals(1, stub.sendCalls.get());
    }

    @Test
    void aMessageNotAcceptedCanBeSentAgain() {
        WeChatChannel channel = channel();
        stub.scriptSend(Answer.error(-1, "system error"));
        assertEquals(Outcome.RETRY, channel.send(bill("msg-1", OPENID)).outcome());
        assertEquals(Outcome.ACCEPTED, channel.send(bill("msg-1", OPENID)).outcome());
        assertEquals(2, stub.sendCalls.get());
    }

    @Test
    void healthIsUpWhenTheTokenEndpointGrantsAToken() {
        WeChatChannel channel = channel();
        HealthCheck.Result health = channel.health();
        assertEquals(HealthCheck.Status.UP, health.status());
        assertEquals("access token good for 115 more minutes", health.detail());
        channel.health();
        channel.send(bill("msg-1", OPENID));
        assertEquals(1, stub.tokenCalls.get(), "health shares the cached token");
    }

    @Test
    void healthIsDownNamingTheErrcodeWhenTheTokenIsRefused() {
        HealthCheck.Result health = channel(Map.of("appId", "wx0000000000000000")).health();
        assertEquals(HealthCheck.Status.DOWN, health.status());
        assertTrue(health.detail().startsWith("token: errcode 40013 invalid appid"), health.detail());
    }

    @Test
    void idAndCapabilities() {
        WeChatChannel channel = channel();
        assertEquals("wechat", channel.id());
        assertTrue(channel.capabilities().templates());
        assertTrue(channel.capabilities().richContent());
        assertFalse(channel.capabilities().receipts());
        assertEquals(0, stub.tokenCalls.get(), "activation calls nothing");
    }
}
