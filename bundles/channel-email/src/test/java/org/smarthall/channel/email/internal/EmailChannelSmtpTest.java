package org.smarthall.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.testing.Annotations;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The channel against a real SMTP server (GreenMail) on a free port. */
class EmailChannelSmtpTest {
    private static final String CUSTOMER = "zhang.wei@customers.example";
    private static final String TEXT = "尊敬的客户：您的电费余额已低于20元，为避免停电，请及时购电。\n国网供电营业厅";

    private SmtpPeer peer;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void startServer() {
        peer = SmtpPeer.smtp();
    }

    @AfterEach
    void stopServer() {
        peer.close();
    }

    private EmailChannel channel(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", peer.port(),
                "fromAddress", "95598@grid.example", "connectTimeoutMillis", 2_000, "readTimeoutMillis", 5_000,
                "healthTimeoutMillis", 1_000));
        config.putAll(overrides);
        return new EmailChannel(Annotations.of(EmailChannelConfig.class, config), nanos::get);
    }

    private EmailChannel channel() {
        return channel(Map.of());
    }

    private static OutboundMessage message(String id, String purpose, String address, Map<String, String> parameters,
            String text) {
        return new OutboundMessage(id, "3701000123", purpose, address, null, parameters, text, false);
    }

    private static OutboundMessage reminder(String id) {
        return message(id, "purchase_reminder", CUSTOMER, Map.of(), TEXT);
    }

    @Test
    void deliversOnceWithTheMessageIdSubjectAndChineseText() throws Exception {
        SendResult result = channel().send(reminder("msg-20261123-0001"));

        assertEquals(Outcome.ACCEPTED, result.outcome(), result.detail());
        assertEquals("<msg-20261123-0001@smarthall.host>", result.providerMessageId());
        List<MimeMessage> received = peer.received();
        assertEquals(1, received.size());
        MimeMessage mail = received.get(0);
        assertArrayEquals(new String[] {"<msg-20261123-0001@smarthall.host>"}, mail.getHeader("Message-ID"));
        assertEquals("购电提醒", mail.getSubject());
        assertEquals(TEXT, ((String) mail.getContent()).replace("\r\n", "\n"));
        assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("95598@grid.example", from.getAddress());
        assertEquals("供电营业厅", from.getPersonal());
        assertEquals(CUSTOMER, ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        assertArrayEquals(new String[] {"auto-generated"}, mail.getHeader("Auto-Submitted"));
    }

    @Test
    void subjectComesFromTheParameterThenThePurposeThenTheDefault() throws Exception {
        EmailChannel channel = channel();
        channel.send(message("s-1", "bill", CUSTOMER, Map.of("subject", "2026年10月电费账单\r\nBcc: x@y"), TEXT));
        channel.send(message("s-2", "outage", CUSTOMER, Map.of(), TEXT));
        channel.send(message("s-3", "no_such_purpose", CUSTOMER, Map.of(), TEXT));
        channel.send(message("s-4", null, CUSTOMER, Map.of("subject", " "), TEXT));

        List<MimeMessage> received = peer.received();
        assertEquals(4, received.size());
        // a line break in the parameter cannot start a header of its own
        assertEquals("2026年10月电费账单 Bcc: x@y", received.get(0).getSubject());
        assertNull(received.get(0).getHeader("Bcc"));
        assertEquals("停电通知", received.get(1).getSubject());
        assertEquals("供电营业厅通知", received.get(2).getSubject());
        assertEquals("供电营业厅通知", received.get(3).getSubject());
    }

    @Test
    void aRetriedMessageCarriesTheSameMessageIdSoTheMailboxCanDropIt() throws Exception {
        EmailChannel channel = channel();
        // SMTP cannot refuse the second copy: both arrive, recognisably one message
        SendResult first = channel.send(reminder("outbox/42"));
        SendResult again = channel(Map.of()).send(reminder("outbox/42"));
        SendResult other = channel.send(reminder("outbox/43"));

        assertEquals(first.providerMessageId(), again.providerMessageId());
        assertNotEquals(first.providerMessageId(), other.providerMessageId());
        List<MimeMessage> received = peer.received();
        assertEquals(3, received.size());
        assertEquals(received.get(0).getMessageID(), received.get(1).getMessageID());
        assertEquals(first.providerMessageId(), received.get(0).getMessageID());
        assertNotEquals(received.get(0).getMessageID(), received.get(2).getMessageID());
    }

    @Test
    void aRecipientRefusedWith5xxIsRejectedWithTheCodeAndWithoutTheAddress() {
        peer.replyToRcpt(CUSTOMER, "550 5.1.1 <" + CUSTOMER + ">: Recipient address rejected: User unknown");

        SendResult result = channel().send(reminder("m-550"));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertNull(result.providerMessageId());
        assertEquals("RCPT 550: 5.1.1 <(recipient)>: Recipient address rejected: User unknown", result.detail());
        assertEquals(0, peer.received().size());
    }

    @Test
    void aRecipientRefusedWith4xxIsRetried() {
        peer.replyToRcpt(CUSTOMER, "450 4.2.1 Mailbox busy, try again later");

        SendResult result = channel().send(reminder("m-450"));

        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("RCPT 450: 4.2.1 Mailbox busy, try again later", result.detail());
        assertEquals(0, peer.received().size());
    }

    @Test
    void aMessageRefusedAfterItsDataIsRejectedOn5xxAndRetriedOn4xx() {
        EmailChannel channel = channel();
        peer.replyToData("554 5.7.1 Message content rejected");
        SendResult refused = channel.send(reminder("m-554"));
        peer.replyToData("452 4.3.1 Insufficient system storage");
        SendResult full = channel.send(reminder("m-452"));

        assertEquals(Outcome.REJECTED, refused.outcome());
        assertEquals("DATA 554: 5.7.1 Message content rejected", refused.detail());
        assertEquals(Outcome.RETRY, full.outcome());
        assertEquals("DATA 452: 4.3.1 Insufficient system storage", full.detail());
        assertEquals(0, peer.received().size());
    }

    @Test
    void anAddressThatIsNoAddressIsRejectedBeforeTheServerIsAsked() {
        EmailChannel channel = channel();
        peer.stop();

        SendResult noAt = channel.send(message("m-bad-1", "bill", "zhang.wei.customers.example", Map.of(), TEXT));
        SendResult spaces = channel.send(message("m-bad-2", "bill", "zhang wei@customers.example", Map.of(), TEXT));
        SendResult empty = channel.send(message("m-bad-3", "bill", " ", Map.of(), TEXT));

        assertEquals(Outcome.REJECTED, noAt.outcome());
        assertTrue(noAt.detail().startsWith("invalid address: "), noAt.detail());
        assertFalse(noAt.detail().contains("zhang"), noAt.detail());
        assertEquals(Outcome.REJECTED, spaces.outcome());
        assertFalse(spaces.detail().contains("zhang"), spaces.detail());
        assertEquals(new SendResult(Outcome.REJECTED, null, "no address", null), empty);
    }

    @Test
    void aMessageWithoutTextOrIdIsRejected() {
        EmailChannel channel = channel();

        SendResult templateOnly = channel.send(new OutboundMessage("m-t", "A1", "bill", CUSTOMER, "SMS_12345",
                Map.of("amount", "35.20"), null, false));
        SendResult noId = channel.send(message(" ", "bill", CUSTOMER, Map.of(), TEXT));

        assertEquals(Outcome.REJECTED, templateOnly.outcome());
        assertEquals("no text: the email channel sends the outbox's rendered text, not provider templates",
                templateOnly.detail());
        assertEquals(Outcome.REJECTED, noId.outcome());
        assertEquals(Outcome.REJECTED, channel.send(null).outcome());
        assertEquals(0, peer.received().size());
    }

    @Test
    void aServerThatIsDownIsRetried() {
        int port = SmtpPeer.freePort();

        SendResult result = channel(Map.of("port", port)).send(reminder("m-down"));

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().startsWith("cannot connect to 127.0.0.1:" + port), result.detail());
    }

    @Test
    void aRefusedLoginIsRetriedNotRejected() {
        peer.requireLogin("hall", "right-secret");

        SendResult refused = channel(Map.of("username", "hall", "_password", "wrong-secret")).send(reminder("m-a1"));
        SendResult accepted = channel(Map.of("username", "hall", "_password", "right-secret")).send(reminder("m-a2"));

        // the message is not at fault: an operator fixes the password and the outbox tries again
        assertEquals(Outcome.RETRY, refused.outcome());
        assertTrue(refused.detail().startsWith("login refused: "), refused.detail());
        assertFalse(refused.detail().contains("secret"), refused.detail());
        assertEquals(Outcome.ACCEPTED, accepted.outcome(), accepted.detail());
        assertEquals(1, peer.received().size());
    }

    @Test
    void aServerWithoutStarttlsIsRefusedWhenStarttlsIsConfigured() {
        SendResult result = channel(Map.of("tls", "starttls")).send(reminder("m-tls"));

        // never a silent fall back to plain text
        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().contains("STARTTLS"), result.detail());
        assertEquals(0, peer.received().size());
    }

    @Test
    void anSmtpsServerWithAnUntrustedCertificateIsRefused() {
        try (SmtpPeer smtps = SmtpPeer.smtps()) {
            SendResult result = channel(Map.of("tls", "ssl", "port", smtps.port())).send(reminder("m-ssl"));

            assertEquals(Outcome.RETRY, result.outcome());
            assertTrue(result.detail().contains("SSLHandshakeException"), result.detail());
            assertEquals(0, smtps.received().size());
        }
    }

    @Test
    void aboveTheRateLimitTheAnswerIsRetryWithTheWait() {
        EmailChannel channel = channel(Map.of("maxMessagesPerSecond", 2));

        assertEquals(Outcome.ACCEPTED, channel.send(reminder("r-1")).outcome());
        assertEquals(Outcome.ACCEPTED, channel.send(reminder("r-2")).outcome());
        SendResult third = channel.send(reminder("r-3"));
        assertEquals(Outcome.RETRY, third.outcome());
        assertEquals(Duration.ofMillis(500), third.retryAfter());
        assertEquals("rate limit: at most 2 messages per second", third.detail());

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertEquals(Outcome.ACCEPTED, channel.send(reminder("r-3")).outcome());
        assertEquals(3, peer.received().size());
    }

    @Test
    void healthIsUpWhileTheServerAnswersAndDownWhenItDoesNot() {
        EmailChannel channel = channel();
        int port = peer.port();

        HealthCheck.Result up = channel.health();
        peer.stop();
        HealthCheck.Result down = channel.health();

        assertEquals(HealthCheck.Status.UP, up.status(), up.detail());
        assertEquals("SMTP 127.0.0.1:" + port + " answered NOOP", up.detail());
        assertEquals(HealthCheck.Status.DOWN, down.status());
        assertTrue(down.detail().contains("cannot connect"), down.detail());
    }
}
