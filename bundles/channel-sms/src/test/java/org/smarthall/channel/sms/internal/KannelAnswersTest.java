package org.smarthall.channel.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.testing.Annotations;

import com.sun.net.httpserver.HttpServer;

/**
 * Kannel's answers that a healthy test gateway does not give on demand (503, "3: Queued",
 * a slow smsbox), from a scripted stand-in that answers as smsbox does; and what the channel
 * puts on the wire and in its log.
 */
class KannelAnswersTest {
    static final String NUMBER = "13812345678";
    static final String PASSWORD = "pw-" + java.util.UUID.randomUUID();

    private HttpServer smsbox;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 202;
    private volatile String body = "0: Accepted for delivery";
    private volatile String retryAfter;
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        smsbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsbox.createContext("/", exchange -> {
            requests.add(query(exchange.getRequestURI().getRawQuery()));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        smsbox.start();
    }

    @AfterEach
    void stop() {
        smsbox.stop(0);
    }

    private SmsChannel channel(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("sendUrl", "http://127.0.0.1:" + smsbox.getAddress().getPort() + "/cgi-bin/sendsms");
        values.put("username", "smarthall");
        values.put("_password", PASSWORD);
        values.put("statusUrl", "");
        values.put("requestTimeoutMillis", 300);
        values.putAll(overrides);
        return new SmsChannel(Annotations.of(KannelConfig.class, values));
    }

    private static OutboundMessage sms(String messageId) {
        return new OutboundMessage(messageId, "0101234567", "bill", NUMBER, null, Map.of(), "您的电费账单已出", false);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    @Test
    void theRequestIsUcs2WithTheDeliveryReportUrlNamingTheMessage() {
        SmsChannel channel = channel(Map.of("sender", "95598", "deliveryReportUrl", "http://hall:8181/sms/dlr"));

        assertEquals(Outcome.ACCEPTED, channel.send(sms("msg-1")).outcome());

        Map<String, String> q = requests.get(0);
        assertEquals(Map.of("username", "smarthall", "password", PASSWORD, "from", "95598", "to", NUMBER, "text",
                "您的电费账单已出", "charset", "UTF-8", "coding", "2", "dlr-mask", "19", "dlr-url",
                "http://hall:8181/sms/dlr?id=msg-1&status=%d"), q);
    }

    @Test
    void queuedForLaterDeliveryIsAccepted() {
        body = "3: Queued for later delivery";
        SendResult result = channel(Map.of()).send(sms("msg-queued"));
        assertEquals(new SendResult(Outcome.ACCEPTED, null, "HTTP 202 3: Queued for later delivery", null), result);
    }

    @Test
    void temporalFailureIsRetryAfterWhatKannelOrTheConfigurationSays() {
        status = 503;
        body = "Temporal failure, try again later.";
        SendResult configured = channel(Map.of("temporaryFailureRetrySeconds", 45)).send(sms("msg-503a"));
        retryAfter = "7";
        SendResult asked = channel(Map.of()).send(sms("msg-503b"));

        assertEquals(Outcome.RETRY, configured.outcome());
        assertEquals("HTTP 503 Temporal failure, try again later.", configured.detail());
        assertEquals(Duration.ofSeconds(45), configured.retryAfter());
        assertEquals(Duration.ofSeconds(7), asked.retryAfter());
    }

    @Test
    void aClientErrorIsRejectedAndAServerErrorRetried() {
        status = 400;
        body = "Missing receiver number, rejected";
        SendResult missing = channel(Map.of()).send(sms("msg-400"));
        status = 500;
        body = "Internal error";
        SendResult internal = channel(Map.of()).send(sms("msg-500"));

        assertEquals(SendResult.rejected("HTTP 400 Missing receiver number, rejected"), missing);
        assertEquals(Outcome.RETRY, internal.outcome());
    }

    @Test
    void aSlowSmsboxIsRetryWithTheDuplicateRiskSaid() {
        delayMillis = 1_000;
        SendResult result = channel(Map.of()).send(sms("msg-slow"));
        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().contains("did not answer within 300 ms") && result.detail().contains("may have"),
                result.detail());
    }

    @Test
    void sendsBeyondTheRateAreToldWhenTheirSlotComes() {
        SmsChannel channel = channel(Map.of("maxSendsPerSecond", 2, "maxPacingWaitMillis", 0));
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(channel.send(sms("msg-rate-" + i)));
        }
        assertEquals(Outcome.ACCEPTED, results.get(0).outcome());
        assertEquals(Outcome.RETRY, results.get(1).outcome());
        assertTrue(results.get(1).retryAfter().compareTo(Duration.ofMillis(500)) <= 0, results.get(1).toString());
        assertEquals(1, requests.size(), "refused sends never reach Kannel");
    }

    @Test
    void notAPhoneNumberIsRejectedMasked() {
        OutboundMessage bad = new OutboundMessage("msg-bad", null, "bill", "138-1234-5678", null, Map.of(), "x", false);
        SendResult result = channel(Map.of()).send(bad);
        assertEquals(SendResult.rejected("not a phone number: 138****5678"), result);
        assertEquals(0, requests.size());
    }

    @Test
    void withoutAStatusUrlHealthAsksSmsbox() {
        status = 400;
        body = "Missing receiver number, rejected";
        HealthCheck.Result result = channel(Map.of()).health();
        assertEquals(HealthCheck.Result.up("smsbox answers (HTTP 400); no status URL configured"), result);
    }

    /** Phone numbers are personal data and the passwords credentials: in no log line, no detail. */
    @Test
    void nothingPersonalIsLoggedOrPutInADetail() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        StringBuilder details = new StringBuilder();
        try {
            SmsChannel channel = channel(Map.of("deliveryReportUrl", "http://hall/sms/dlr"));
            details.append(channel.send(sms("msg-ok")).detail());
            status = 400;
            body = "Number " + NUMBER + " blacklisted";
            details.append(channel.send(sms("msg-echo")).detail());
            status = 403;
            body = "Authorization failed for sendsms";
            details.append(channel.send(sms("msg-auth")).detail());
            delayMillis = 1_000;
            details.append(channel.send(sms("msg-slow")).detail());
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("msg-ok") && logged.contains("msg-echo"), "the log was captured: " + logged);
        assertTrue(details.toString().contains("Number 138****5678 blacklisted"), details.toString());
        for (String secret : new String[] {NUMBER, PASSWORD}) {
            assertFalse(logged.contains(secret), "logged: " + secret + "\n" + logged);
            assertFalse(details.toString().contains(secret), "in a detail: " + secret + "\n" + details);
        }
    }
}
