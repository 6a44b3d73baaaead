package org.smarthall.channel.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.KannelPeer;

import com.sun.net.httpserver.HttpServer;

/**
 * The channel against a real Kannel (bearerbox, smsbox, fakesmsc as the SMSC): what fakesmsc
 * printed is what arrived. Each test writes to its own number, and "exactly once" is checked
 * after a later sentinel text has arrived, so nothing still on its way is missed.
 */
class SmsChannelKannelTest {
    static final String NOTICE = "【国网电力】您的电费余额已不足20元，为避免停电请及时缴费。";
    private static final String SENTINEL_NUMBER = "13899999999";
    private static KannelPeer kannel;

    @BeforeAll
    static void startKannel() throws IOException {
        if (!KannelPeer.installed()) {
            String why = "\n\n*** SKIPPED: the real-Kannel tests of the sms channel need the Debian packages 'kannel'"
                    + " and 'kannel-extras' (" + KannelPeer.BEARERBOX + ", " + KannelPeer.SMSBOX + ", "
                    + KannelPeer.FAKESMSC + "): apt-get install -y kannel kannel-extras ***\n";
            System.err.println(why);
            if (System.getenv("SMARTHALL_REQUIRE_KANNEL") != null) {
                // CI installs them (.ci/run): there a missing Kannel is a failure, not a skip
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        kannel = KannelPeer.start();
    }

    @AfterAll
    static void stopKannel() {
        if (kannel != null) {
            kannel.close();
        }
    }

    static Map<String, Object> gateway() {
        Map<String, Object> values = new HashMap<>();
        values.put("sendUrl", kannel.sendUrl().toString());
        values.put("username", KannelPeer.USER);
        values.put("_password", kannel.password());
        values.put("statusUrl", kannel.statusUrl().toString());
        values.put("_statusPassword", kannel.statusPassword());
        return values;
    }

    static SmsChannel channel(Map<String, Object> overrides) {
        Map<String, Object> values = gateway();
        values.putAll(overrides);
        return new SmsChannel(Annotations.of(KannelConfig.class, values));
    }

    static OutboundMessage sms(String messageId, String to, String text) {
        return new OutboundMessage(messageId, "0101234567", "purchase_reminder", to, null, Map.of(), text, false);
    }

    /** Sends a text to the sentinel number and waits for it: everything sent before has arrived by then. */
    private static void drain(SmsChannel channel) {
        String marker = "sentinel " + UUID.randomUUID();
        assertEquals(Outcome.ACCEPTED, channel.send(sms(marker, SENTINEL_NUMBER, marker)).outcome());
        KannelPeer.await("the sentinel at fakesmsc",
                () -> kannel.receivedBy(SENTINEL_NUMBER).stream().anyMatch(s -> s.text().equals(marker)));
    }

    @Test
    void aChineseTextArrivesOnceWithItsReceiverAndSender() {
        SmsChannel channel = channel(Map.of());
        SendResult result = channel.send(sms("msg-notice", "13800000001", NOTICE));

        assertEquals(Outcome.ACCEPTED, result.outcome(), result.detail());
        assertEquals("HTTP 202 0: Accepted for delivery", result.detail());
        drain(channel);
        List<KannelPeer.Sms> got = kannel.receivedBy("13800000001");
        assertEquals(1, got.size(), got + "\n" + kannel.logs());
        assertEquals(NOTICE, got.get(0).text());
        assertEquals(KannelPeer.SENDER, got.get(0).from());
    }

    @Test
    void theSameMessageIdSentAgainDoesNotReachThePhoneTwice() {
        SmsChannel channel = channel(Map.of());
        assertEquals(Outcome.ACCEPTED, channel.send(sms("msg-twice", "13800000002", NOTICE)).outcome());
        SendResult again = channel.send(sms("msg-twice", "13800000002", NOTICE));

        assertEquals(Outcome.ACCEPTED, again.outcome());
        assertTrue(again.detail().contains("not sent again"), again.detail());
        drain(channel);
        assertEquals(1, kannel.receivedBy("13800000002").size());
    }

    @Test
    void aLongChineseTextArrivesAsPartsThatJoinIntact() {
        String text = (NOTICE + "如有疑问请拨打95598。").repeat(4);
        assertTrue(text.length() > 134 && text.length() <= 201, "three parts: " + text.length());
        SmsChannel channel = channel(Map.of());

        SendResult result = channel.send(sms("msg-long", "13800000003", text));

        assertEquals(Outcome.ACCEPTED, result.outcome(), result.detail());
        drain(channel);
        List<KannelPeer.Sms> got = kannel.receivedBy("13800000003");
        assertEquals(1, got.size(), got.toString());
        assertEquals(3, got.get(0).parts());
        assertEquals(text, got.get(0).text());
    }

    @Test
    void aDeliveryReportComesBackWithTheOutboxMessageId() throws IOException {
        List<String> reports = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/sms/dlr", exchange -> {
            reports.add(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            SmsChannel channel = channel(Map.of("deliveryReportUrl",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms/dlr", "deliveryReportMask", 1));
            assertTrue(channel.capabilities().receipts());

            assertEquals(Outcome.ACCEPTED, channel.send(sms("msg/dlr 1", "13800000004", NOTICE)).outcome());

            KannelPeer.await("a delivery report", () -> !reports.isEmpty());
            assertEquals("id=msg%2Fdlr+1&status=1", reports.get(0));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWrongPasswordIsRejectedWithKannelsText() {
        SmsChannel channel = channel(Map.of("_password", "not-the-password"));

        SendResult result = channel.send(sms("msg-bad-password", "13800000005", NOTICE));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("HTTP 403 Authorization failed for sendsms", result.detail());
        drain(channel(Map.of()));
        assertEquals(List.of(), kannel.receivedBy("13800000005"));
    }

    @Test
    void aTextOverTheLimitIsRejectedAndNeverReachesKannel() {
        SmsChannel channel = channel(Map.of());
        String tooLong = "电".repeat(336);

        SendResult result = channel.send(sms("msg-too-long", "13800000006", tooLong));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("text of 336 characters is over the limit of 335 (5 SMS)", result.detail());
        assertEquals(Outcome.ACCEPTED, channel.send(sms("msg-at-limit", "13800000007", "电".repeat(335))).outcome());
        drain(channel);
        assertEquals(List.of(), kannel.receivedBy("13800000006"));
        assertEquals("电".repeat(335), kannel.receivedBy("13800000007").get(0).text());
        assertEquals(5, kannel.receivedBy("13800000007").get(0).parts());
    }

    @Test
    void kannelDownIsRetryAndHealthDown() {
        int nothingThere = KannelPeer.freePort();
        SmsChannel channel = channel(Map.of("sendUrl", "http://127.0.0.1:" + nothingThere + "/cgi-bin/sendsms",
                "statusUrl", "http://127.0.0.1:" + nothingThere + "/status"));

        SendResult result = channel.send(sms("msg-down", "13800000008", NOTICE));

        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("smsbox unreachable: ConnectException", result.detail());
        assertEquals(HealthCheck.Status.DOWN, channel.health().status());
    }

    @Test
    void healthReadsBearerboxStatusPage() {
        HealthCheck.Result up = channel(Map.of()).health();
        HealthCheck.Result denied = channel(Map.of("_statusPassword", "wrong")).health();

        assertEquals(HealthCheck.Status.UP, up.status(), up.detail());
        assertEquals("bearerbox running, SMSC links online 1 of 1", up.detail());
        assertEquals(HealthCheck.Status.DOWN, denied.status());
        assertTrue(denied.detail().contains(".statusPassword"), denied.detail());
    }
}
