package org.smarthall.channel.apppush.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.channel.apppush.internal.AppPushChannelTest.USER;
import static org.smarthall.channel.apppush.internal.AppPushChannelTest.reminder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.channel.apppush.internal.GatewayStub.Answer;

/**
 * App user ids and the texts pushed to them are personal data, the API key a credential: none of
 * them in any log line the channel writes (slf4j-simple at debug, on standard error), nor in a
 * detail.
 */
class NothingPersonalLoggedTest {
    private final AppPushChannelTest setup = new AppPushChannelTest();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void start() throws Exception {
        setup.startStub();
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(stderr);
        setup.stopStub();
    }

    @Test
    void everyPathLogsTheMessageIdOnly() {
        AppPushChannel channel = setup.channel(Map.of("requestTimeoutMillis", 300));
        StringBuilder details = new StringBuilder();
        details.append(channel.send(reminder("msg-accepted", USER)).detail());
        details.append(channel.send(reminder("msg-accepted", USER)).detail());
        setup.stub.scriptPush(Answer.of(400, "{\"error\":\"invalid_request\",\"detail\":\"no device for " + USER + "\"}"));
        SendResult echoed = channel.send(reminder("msg-echoed", USER));
        details.append(echoed.detail());
        setup.stub.answerSlowly(1, Duration.ofSeconds(5));
        details.append(channel.send(reminder("msg-timeout", USER)).detail());
        setup.stub.disabledUsers.add(USER);
        details.append(channel.send(reminder("msg-disabled", USER)).detail());
        setup.stub.disabledUsers.clear();
        setup.stub.unknownUsers.add(USER);
        details.append(channel.send(reminder("msg-unknown", USER)).detail());
        details.append(setup.channel(Map.of("_apiKey", "revoked-" + java.util.UUID.randomUUID())).send(reminder("msg-key", USER)).detail());
        setup.stub.receipts.put("p_1", "failed");
        details.append(channel.receipt("p_1").detail());
        setup.stub.scriptPush(Answer.of(429, "{\"error\":\"rate_limited\"}"));
        details.append(channel.send(reminder("msg-limited", USER)).detail());

        assertEquals(Outcome.REJECTED, echoed.outcome());
        assertEquals("HTTP 400 invalid_request: no device for <user>", echoed.detail());
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("msg-accepted") && logged.contains("msg-disabled") && logged.contains("msg-key"),
                "the log was captured: " + logged);
        for (String secret : new String[] {USER, GatewayStub.API_KEY, "余额", "18.40"}) {
            assertFalse(logged.contains(secret), "logged: " + secret + "\n" + logged);
            assertFalse(details.toString().contains(secret), "in a detail: " + secret + "\n" + details);
        }
    }
}
