package org.smarthall.channel.sms.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

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
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.api.platform.HealthCheck;

/**
 * Channel {@value #ID}: {@link OutboundMessage#text()} as an SMS to the phone number in
 * {@link OutboundMessage#address()}, through a Kannel gateway's smsbox ({@code /cgi-bin/sendsms},
 * always {@code coding=2}: UCS-2, which every Chinese text needs).
 *
 * <p>Length: 70 characters fit one SMS; a longer text is split by Kannel into parts of 67
 * characters that the phone joins, when the sendsms-user has {@code concatenation = true} and a
 * {@code max-messages} of at least the number of parts (5 for the default 335 characters).
 * Texts over the configured maximum are rejected here, before Kannel sees them.
 *
 * <p>Outcomes: 202 ("0: Accepted for delivery", "3: Queued for later delivery") is
 * {@code ACCEPTED}; another 4xx ("Authorization failed for sendsms", "Missing receiver number")
 * is {@code REJECTED} with Kannel's text; 503 ("Temporal failure, try again later"), any other
 * 5xx, a refused connection and a timeout are {@code RETRY}. A send never throws.
 *
 * <p>Duplicates: Kannel has no idempotency key. The channel remembers the ids it had accepted
 * while it runs ({@link SentMessages}); a retry after a timeout may still send twice, and one
 * after {@code ACCEPTED} beyond that memory must be prevented by the outbox. Delivery reports
 * come to the configured URL with the outbox message id ({@code ?id=...&status=%d}).
 *
 * <p>Phone numbers, the passwords and sendsms URLs (which carry both) are never logged: log
 * lines name the outbox message id, details show numbers masked ({@code 138****5678}).
 *
 * <p>Configuration PID {@value #PID}, required (there is no gateway without it). There is no
 * modified method on purpose: a changed configuration re-activates the component, and one that
 * {@link SmsSettings} refuses leaves the channel in {@code FAILED_ACTIVATION}.
 */
@Component(service = NotificationChannel.class, configurationPid = SmsChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@SmartHallPlugin(kind = PluginKind.CHANNEL, id = SmsChannel.ID)
@Designate(ocd = KannelConfig.class)
public class SmsChannel implements NotificationChannel {
    public static final String ID = "sms";
    public static final String PID = "org.smarthall.channel.sms";
    /** How many accepted message ids the channel remembers. */
    static final int REMEMBERED_MESSAGES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);

    private final SmsSettings settings;
    private final KannelApi kannel;
    private final SendPacer pacer;
    private final ChannelCapabilities capabilities;
    private final SentMessages sent = new SentMessages(REMEMBERED_MESSAGES);

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public SmsChannel(KannelConfig config) {
        this(SmsSettings.of(config), System::nanoTime, SendPacer.THREAD_SLEEP);
    }

    SmsChannel(SmsSettings settings, LongSupplier nanoTime, SendPacer.Sleeper sleeper) {
        this.settings = settings;
        this.kannel = new KannelApi(settings);
        this.pacer = new SendPacer(settings.maxSendsPerSecond(), settings.maxPacingWait(), nanoTime, sleeper);
        this.capabilities = new ChannelCapabilities(settings.maxLength(), false, false,
                settings.deliveryReportUrl().isPresent());
        LOG.info("SMS channel through Kannel at {} as user {}: texts up to {} characters, at most {} sends a second,"
                + " delivery reports {}", settings.sendUrl(), settings.username(), settings.maxLength(),
                settings.maxSendsPerSecond(), settings.deliveryReportUrl().map(Object::toString).orElse("off"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String messageId = message.messageId();
        if (messageId == null || messageId.isBlank()) {
            return SendResult.rejected("no message id: delivery reports and the channel's dedup need one");
        }
        if (!PhoneNumbers.valid(message.address())) {
            return SendResult.rejected("not a phone number: " + PhoneNumbers.mask(message.address()));
        }
        String text = message.text();
        if (text == null || text.isBlank()) {
            return SendResult.rejected("no text: the sms channel sends rendered text, not templates");
        }
        // String.length() counts UTF-16 units, which is what UCS-2 parts hold (an emoji takes two)
        if (text.length() > settings.maxLength()) {
            return SendResult.rejected("text of " + text.length() + " characters is over the limit of "
                    + settings.maxLength() + " (" + parts(settings.maxLength()) + " SMS)");
        }
        Optional<String> earlier = sent.acceptedAs(messageId);
        if (earlier.isPresent()) {
            LOG.debug("SMS message {} was accepted before: not sent again", messageId);
            return new SendResult(SendResult.Outcome.ACCEPTED, null, "accepted before (" + earlier.get()
                    + "); not sent again", null);
        }
        if (!sent.begin(messageId)) {
            return SendResult.retry("this message is being sent by another call", Duration.ofSeconds(1));
        }
        SendResult result = null;
        try {
            result = attempt(message);
            return result;
        } finally {
            boolean accepted = result != null && result.outcome() == SendResult.Outcome.ACCEPTED;
            sent.end(messageId, accepted ? result.detail() : null);
        }
    }

    @Override
    public HealthCheck.Result health() {
        try {
            if (settings.statusUrl().isEmpty()) {
                KannelApi.Answer answer = kannel.ping();
                return HealthCheck.Result.up("smsbox answers (HTTP " + answer.status() + "); no status URL configured");
            }
            KannelApi.Answer answer = kannel.status(settings.statusUrl().get());
            return KannelStatus.of(answer);
        } catch (KannelApi.CallFailed e) {
            return HealthCheck.Result.down(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.down("interrupted while asking Kannel");
        } catch (RuntimeException e) {
            LOG.warn("SMS health check failed", e);
            return HealthCheck.Result.down("health check failure: " + e.getClass().getSimpleName());
        }
    }

    /** How many SMS a text of this many UCS-2 characters takes. */
    static int parts(int characters) {
        return characters <= 70 ? 1 : (characters + 66) / 67;
    }

    private SendResult attempt(OutboundMessage message) {
        try {
            Optional<Duration> wait = pacer.awaitSlot();
            if (wait.isPresent()) {
                return SendResult.retry("over " + settings.maxSendsPerSecond() + " sends a second: next slot in "
                        + wait.get().toMillis() + " ms", wait.get());
            }
            return outcome(kannel.sendsms(message.address(), message.text(), message.messageId()), message);
        } catch (KannelApi.CallFailed e) {
            if (e.timedOut()) {
                LOG.warn("SMS message {}: Kannel did not answer in time; a retry may send it twice",
                        message.messageId());
                return SendResult.retry(e.getMessage() + "; Kannel may have queued it (no duplicate guard)", null);
            }
            return SendResult.retry(e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted before Kannel answered", null);
        } catch (RuntimeException e) {
            LOG.error("SMS message {}: unexpected failure", message.messageId(), e);
            return SendResult.retry("channel failure: " + e.getClass().getSimpleName(), null);
        }
    }

    private SendResult outcome(KannelApi.Answer answer, OutboundMessage message) {
        // Kannel does not echo the number today; should a version do it, it stays masked
        String detail = "HTTP " + answer.status() + " "
                + answer.text().replace(message.address(), PhoneNumbers.mask(message.address()));
        int status = answer.status();
        if (status >= 200 && status < 300) {
            LOG.debug("Kannel accepted SMS message {} ({} SMS): {}", message.messageId(),
                    parts(message.text().length()), answer.text());
            return new SendResult(SendResult.Outcome.ACCEPTED, null, detail, null);
        }
        if (status == 503) {
            LOG.info("Kannel asks to retry SMS message {}: {}", message.messageId(), detail);
            return SendResult.retry(detail, answer.retryAfter().orElse(settings.temporaryFailureRetry()));
        }
        if (status == 401 || status == 403) {
            LOG.warn("Kannel refused the sendsms credentials of user {} ({}): check username and .password in {}",
                    settings.username(), detail, PID);
            return SendResult.rejected(detail);
        }
        if (status >= 400 && status < 500) {
            LOG.info("Kannel rejected SMS message {}: {}", message.messageId(), detail);
            return SendResult.rejected(detail);
        }
        return SendResult.retry(detail, null);
    }
}
