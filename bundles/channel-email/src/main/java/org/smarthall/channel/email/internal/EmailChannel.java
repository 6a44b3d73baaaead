package org.smarthall.channel.email.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.LongSupplier;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;

import com.sun.mail.smtp.SMTPTransport;

/**
 * Notification channel {@value #ID}: one plain-text UTF-8 email per message over SMTP, on a
 * connection of its own (no pooled connection to go stale between sparse messages).
 *
 * <p><b>Idempotency.</b> SMTP cannot de-duplicate: a server that answered 250 to the data has
 * taken the message, and sending it again delivers it again. So the outbox must not call
 * {@link #send} again for a message once it answered {@code ACCEPTED}. What this channel adds for
 * the one case the outbox cannot rule out (a crash after the server's 250 and before the outbox
 * recorded it) is a deterministic {@code Message-ID}, {@code <outbox id@messageIdDomain>} (see
 * {@link MessageIds}), the same on every attempt: mailbox providers and mail clients that drop
 * duplicates by Message-ID drop the second copy, and a person or a support desk can tell the two
 * are one message. That Message-ID is the provider id of an {@code ACCEPTED} result.
 *
 * <p><b>Outcomes</b> (see {@link SmtpFailures}): {@code ACCEPTED} on the server's 250 to the
 * data; {@code REJECTED} for an address that is not one, a message without text and a 5xx reply
 * about the recipient or the message; {@code RETRY} for the rate limit (with the wait), connect
 * and read failures, 4xx replies and 5xx replies about our sender or login. It never throws.
 *
 * <p><b>Personal data.</b> Addresses and texts are never logged; log lines carry the outbox's
 * message id, the outcome and the SMTP stage and code. Server text kept in a result's detail has
 * the recipient's address blanked out.
 *
 * <p>Configuration PID {@value #PID}, optional. No modified method on purpose: a changed
 * configuration re-activates the component, so one that {@link SmtpSettings} refuses leaves the
 * channel in {@code FAILED_ACTIVATION} instead of sending with the old server or password.
 */
@Component(service = NotificationChannel.class, configurationPid = EmailChannel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@SmartHallPlugin(kind = PluginKind.CHANNEL, id = EmailChannel.ID)
@Designate(ocd = EmailChannelConfig.class)
public class EmailChannel implements NotificationChannel {
    public static final String ID = "email";
    public static final String PID = "org.smarthall.channel.email";
    /** The message parameter that overrides the configured subject of the message's purpose. */
    public static final String SUBJECT_PARAMETER = "subject";
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);
    /** Plain text of any length; no provider templates, no delivery receipts (SMTP DSNs are not read). */
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(0, false, false, false);

    private final SmtpSettings settings;
    private final SmtpConnections connections;
    private final SendRateLimiter rateLimiter;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public EmailChannel(EmailChannelConfig config) {
        this(config, System::nanoTime);
    }

    /** @param nanoClock the rate limiter's clock, moved by hand in tests */
    EmailChannel(EmailChannelConfig config, LongSupplier nanoClock) {
        this.settings = SmtpSettings.of(config);
        this.connections = new SmtpConnections(settings);
        this.rateLimiter = new SendRateLimiter(settings.maxMessagesPerSecond(), nanoClock);
        LOG.info("Email channel: {}", settings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String outboxId = message == null ? null : message.messageId();
        try {
            if (outboxId == null || outboxId.isBlank()) {
                return logged(outboxId, SendResult.rejected("no message id: the channel cannot send idempotently"),
                        "no id");
            }
            Optional<SendResult> invalid = checkContent(message);
            if (invalid.isPresent()) {
                return logged(outboxId, invalid.get(), "invalid message");
            }
            Optional<Duration> wait = rateLimiter.tryAcquire();
            if (wait.isPresent()) {
                // expected under load, not news: debug only
                LOG.debug("Email {}: RETRY (rate limit)", outboxId);
                return SendResult.retry("rate limit: at most " + rateLimiter.perSecond() + " messages per second",
                        wait.get());
            }
            String messageId = MessageIds.of(outboxId, settings.messageIdDomain());
            SmtpConnections.withMailClassLoader(() -> {
                transmit(message, messageId);
                return null;
            });
            LOG.debug("Email {} accepted as {}", outboxId, messageId);
            return SendResult.accepted(messageId);
        } catch (MessagingException e) {
            SmtpFailures.Failure failure = SmtpFailures.of(e, message.address());
            return logged(outboxId, failure.result(), failure.summary());
        } catch (Exception e) {
            // a bug or an unexpected runtime failure: the outbox keeps the message and tries later
            return logged(outboxId, SendResult.retry("unexpected " + e.getClass().getName(), null),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public HealthCheck.Result health() {
        try {
            return SmtpConnections.withMailClassLoader(() -> {
                SMTPTransport transport = connections.openForHealthCheck();
                try {
                    // isConnected() sends NOOP and wants 250
                    return transport.isConnected()
                            ? HealthCheck.Result.up("SMTP " + connections.server() + " answered NOOP")
                            : HealthCheck.Result.down("SMTP " + connections.server() + " did not answer NOOP: "
                                    + SmtpFailures.text(transport.getLastServerResponse(), null));
                } finally {
                    closeQuietly(transport);
                }
            });
        } catch (MessagingException e) {
            return HealthCheck.Result.down("SMTP " + connections.server() + ": "
                    + SmtpFailures.of(e, null).result().detail());
        } catch (Exception e) {
            return HealthCheck.Result.down("SMTP " + connections.server() + ": " + e.getClass().getSimpleName());
        }
    }

    /** A message that can never be sent as it is, before anything is spent on it. */
    private static Optional<SendResult> checkContent(OutboundMessage message) {
        if (message.address() == null || message.address().isBlank()) {
            return Optional.of(SendResult.rejected("no address"));
        }
        try {
            InternetAddress to = new InternetAddress(message.address().strip(), true);
            if (to.getAddress().indexOf('@') < 1) {
                return Optional.of(SendResult.rejected("invalid address: no domain"));
            }
        } catch (AddressException e) {
            // the exception's message is the reason only; its toString() would show the address
            return Optional.of(SendResult.rejected("invalid address: " + e.getMessage()));
        }
        if (message.text() == null || message.text().isBlank()) {
            return Optional.of(SendResult.rejected("no text: the email channel sends the outbox's rendered text"
                    + (message.template() == null ? "" : ", not provider templates")));
        }
        return Optional.empty();
    }

    private void transmit(OutboundMessage message, String messageId) throws MessagingException {
        MimeMessage mail = new IdentifiedMessage(connections.sendingSession(), messageId);
        mail.setFrom(settings.from());
        InternetAddress[] to = {new InternetAddress(message.address().strip(), true)};
        mail.setRecipients(Message.RecipientType.TO, to);
        mail.setSubject(subjectOf(message), StandardCharsets.UTF_8.name());
        mail.setSentDate(new Date());
        mail.setText(message.text(), StandardCharsets.UTF_8.name());
        // RFC 3834: no out-of-office replies to a machine
        mail.setHeader("Auto-Submitted", "auto-generated");
        mail.saveChanges();
        SMTPTransport transport = connections.openForSending();
        try {
            transport.sendMessage(mail, to);
        } finally {
            closeQuietly(transport);
        }
    }

    private String subjectOf(OutboundMessage message) {
        String subject = message.parameters().get(SUBJECT_PARAMETER);
        if (subject != null && !SmtpSettings.oneLine(subject).isEmpty()) {
            return SmtpSettings.oneLine(subject);
        }
        return settings.subjectFor(message.purpose());
    }

    private static SendResult logged(String outboxId, SendResult result, String summary) {
        LOG.info("Email {}: {} ({})", outboxId, result.outcome(), summary);
        return result;
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was accepted or already failed; QUIT cannot change that
        }
    }

    /** A MIME message whose Message-ID is given, not invented by javax.mail on every save. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
