package org.smarthall.channel.wechat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
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

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Channel {@value #ID}: WeChat official-account template messages to the openid in
 * {@link OutboundMessage#address()}, with the template the message names or the one configured
 * for its purpose, and {@link OutboundMessage#parameters()} as the template's fields
 * ({@code {"key": {"value": ...}}}); the parameter {@value #URL_PARAMETER} is the page the
 * message opens instead.
 *
 * <p>Duplicates: WeChat has no idempotency key that lasts. The outbox message id goes out as
 * {@code client_msg_id}, which WeChat deduplicates per openid for 10 minutes, and the channel
 * remembers the ids it had accepted while it runs ({@link SentMessages}); a retry after
 * {@code ACCEPTED} beyond that must be prevented by the outbox, which keeps the msgid returned
 * as {@link SendResult#providerMessageId()}.
 *
 * <p>Outcomes by {@code errcode} are in {@link Reaction}; a send never throws. Openids, the
 * AppSecret and access tokens are never logged: log lines name the outbox message id.
 *
 * <p>Configuration PID {@value #PID}, required (there is no account without it). There is no
 * modified method on purpose: a changed configuration re-activates the component, and one that
 * {@link WeChatSettings} refuses leaves the channel in {@code FAILED_ACTIVATION}.
 */
@Component(service = NotificationChannel.class, configurationPid = WeChatChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@SmartHallPlugin(kind = PluginKind.CHANNEL, id = WeChatChannel.ID)
@Designate(ocd = WeChatConfig.class)
public class WeChatChannel implements NotificationChannel {
    public static final String ID = "wechat";
    public static final String PID = "org.smarthall.channel.wechat";
    /** The template parameter that becomes the message's link rather than a field. */
    public static final String URL_PARAMETER = "url";
    /** How many accepted message ids the channel remembers. */
    static final int REMEMBERED_MESSAGES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WeChatChannel.class);
    /** Template fields have per-field limits (20 characters for a "thing"), not one text length. */
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(0, true, true, false);
    private static final String DEDUP_NOTE = "WeChat drops a repeat with the same client_msg_id within 10 minutes";

    private final WeChatSettings settings;
    private final Clock clock;
    private final WeChatApi api;
    private final AccessTokens tokens;
    private final SendPacer pacer;
    private final SentMessages sent = new SentMessages(REMEMBERED_MESSAGES);
    private volatile Instant pausedUntil = Instant.MIN;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public WeChatChannel(WeChatConfig config) {
        this(WeChatSettings.of(config), Clock.systemUTC(), System::nanoTime, SendPacer.THREAD_SLEEP);
    }

    WeChatChannel(WeChatSettings settings, Clock clock, LongSupplier nanoTime, SendPacer.Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.api = new WeChatApi(settings);
        this.tokens = new AccessTokens(api::fetchToken, clock, settings.tokenRefreshMargin(),
                settings.tokenFailureHold());
        this.pacer = new SendPacer(settings.maxSendsPerSecond(), settings.maxPacingWait(), nanoTime, sleeper);
        LOG.info("WeChat channel for app {} at {}: templates for {}, at most {} sends a second", settings.appId(),
                settings.baseUrl(), settings.templates().keySet(), settings.maxSendsPerSecond());
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
        String messageId = message.messageId();
        if (messageId == null || messageId.isBlank()) {
            return SendResult.rejected("no message id: WeChat's client_msg_id and the channel's dedup need one");
        }
        if (message.address() == null || message.address().isBlank()) {
            return SendResult.rejected("no openid to send to");
        }
        Optional<String> template = Optional.ofNullable(message.template()).filter(t -> !t.isBlank())
                .or(() -> settings.templateFor(message.purpose()));
        if (template.isEmpty()) {
            return SendResult.rejected("no template for purpose '" + message.purpose() + "': configure templates");
        }
        Optional<String> earlier = sent.acceptedAs(messageId);
        if (earlier.isPresent()) {
            LOG.debug("WeChat message {} was accepted before as {}: not sent again", messageId, earlier.get());
            return new SendResult(SendResult.Outcome.ACCEPTED, earlier.get(), "accepted before; not sent again", null);
        }
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return SendResult.retry("daily quota used up (45009): sends paused until " + pausedUntil,
                    Duration.between(now, pausedUntil));
        }
        if (!sent.begin(messageId)) {
            return SendResult.retry("this message is being sent by another call", Duration.ofSeconds(1));
        }
        SendResult result = null;
        try {
            result = attempt(message, template.get());
            return result;
        } finally {
            boolean accepted = result != null && result.outcome() == SendResult.Outcome.ACCEPTED;
            sent.end(messageId, accepted ? result.providerMessageId() : null);
        }
    }

    @Override
    public HealthCheck.Result health() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new HealthCheck.Result(HealthCheck.Status.DEGRADED,
                    "daily quota used up (45009): sends paused until " + pausedUntil);
        }
        try {
            tokens.current();
            return HealthCheck.Result.up("access token good for "
                    + tokens.validFor().map(Duration::toMinutes).orElse(0L) + " more minutes");
        } catch (AccessTokens.Unavailable e) {
            return HealthCheck.Result.down(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.down("interrupted while fetching an access token");
        }
    }

    /** Sends queued behind a token fetch under way; for tests of the single flight. */
    int waitingForToken() {
        return tokens.waitingForFetch();
    }

    private SendResult attempt(OutboundMessage message, String template) {
        try {
            return deliver(message, template);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted before WeChat answered; " + DEDUP_NOTE, null);
        } catch (RuntimeException e) {
            LOG.error("WeChat message {}: unexpected failure", message.messageId(), e);
            return SendResult.retry("channel failure: " + e.getClass().getSimpleName(), null);
        }
    }

    private SendResult deliver(OutboundMessage message, String template) throws InterruptedException {
        ObjectNode body = body(message, template);
        String token;
        try {
            token = tokens.current();
        } catch (AccessTokens.Unavailable e) {
            return SendResult.retry(e.getMessage(), null);
        }
        Posted posted = post(token, body);
        if (posted.failure() == null && Reaction.to(posted.reply().errcode()) == Reaction.NEW_TOKEN) {
            LOG.info("WeChat refused the access token ({}): fetching a new one for message {}",
                    posted.reply().errcode(), message.messageId());
            try {
                token = tokens.replace(token);
            } catch (AccessTokens.Unavailable e) {
                return SendResult.retry(e.getMessage(), null);
            }
            posted = post(token, body);
            if (posted.failure() == null && Reaction.to(posted.reply().errcode()) == Reaction.NEW_TOKEN) {
                return SendResult.retry(detail(posted.reply(), message) + " (with a freshly fetched token too)", null);
            }
        }
        return posted.failure() != null ? posted.failure() : outcome(posted.reply(), message);
    }

    /** A reply from WeChat, or the result to give when there is none. */
    private record Posted(WeChatApi.Reply reply, SendResult failure) {
    }

    private Posted post(String token, ObjectNode body) throws InterruptedException {
        Optional<Duration> wait = pacer.awaitSlot();
        if (wait.isPresent()) {
            return new Posted(null, SendResult.retry("over " + settings.maxSendsPerSecond()
                    + " sends a second: next slot in " + wait.get().toMillis() + " ms", wait.get()));
        }
        try {
            return new Posted(api.sendTemplate(token, body), null);
        } catch (WeChatApi.CallFailed e) {
            // after a timeout WeChat may have sent it: a prompt retry falls inside the client_msg_id window
            return new Posted(null, e.timedOut()
                    ? SendResult.retry(e.getMessage() + "; outcome unknown, " + DEDUP_NOTE, settings.busyRetry())
                    : SendResult.retry(e.getMessage(), null));
        }
    }

    private SendResult outcome(WeChatApi.Reply reply, OutboundMessage message) {
        String detail = detail(reply, message);
        switch (Reaction.to(reply.errcode())) {
            case ACCEPT:
                String msgid = reply.body().path("msgid").asText("");
                if (msgid.isEmpty()) {
                    // accepted all the same: a retry would send it twice
                    LOG.warn("WeChat accepted message {} without a msgid", message.messageId());
                    return new SendResult(SendResult.Outcome.ACCEPTED, null, "accepted without a msgid", null);
                }
                LOG.debug("WeChat accepted message {} as {}", message.messageId(), msgid);
                return SendResult.accepted(msgid);
            case REFUSED:
                LOG.info("WeChat message {}: the recipient refuses messages ({})", message.messageId(), reply.errcode());
                return new SendResult(SendResult.Outcome.REFUSED_BY_RECIPIENT, null, detail, null);
            case DAILY_QUOTA:
                Instant reset = nextQuotaReset();
                pausedUntil = reset;
                LOG.warn("WeChat daily quota used up: sends paused until {}", reset);
                return SendResult.retry(detail + "; paused until " + reset, Duration.between(clock.instant(), reset));
            case FREQUENCY_LIMIT:
                return SendResult.retry(detail, settings.frequencyLimitRetry());
            case BUSY:
                return SendResult.retry(detail, settings.busyRetry());
            case INVALID:
                LOG.info("WeChat rejected message {}: {}", message.messageId(), detail);
                return SendResult.rejected(detail);
            case NEW_TOKEN:
            case UNKNOWN:
            default:
                return SendResult.retry(detail, null);
        }
    }

    private ObjectNode body(OutboundMessage message, String template) {
        ObjectNode body = api.newObject();
        body.put("touser", message.address());
        body.put("template_id", template);
        String url = message.parameters().get(URL_PARAMETER);
        if (url != null && !url.isBlank()) {
            body.put("url", url);
        }
        body.put("client_msg_id", message.messageId());
        ObjectNode data = body.putObject("data");
        for (Map.Entry<String, String> field : message.parameters().entrySet()) {
            if (!URL_PARAMETER.equals(field.getKey())) {
                data.putObject(field.getKey()).put("value", field.getValue());
            }
        }
        return body;
    }

    /** {@code errcode N errmsg}, with the openid taken out should WeChat ever echo it. */
    private static String detail(WeChatApi.Reply reply, OutboundMessage message) {
        return "errcode " + reply.errcode() + " " + reply.errmsg().replace(message.address(), "<openid>");
    }

    private Instant nextQuotaReset() {
        ZonedDateTime now = clock.instant().atZone(settings.quotaZone());
        ZonedDateTime reset = now.toLocalDate().atStartOfDay(settings.quotaZone())
                .withHour(settings.dailyQuotaResetHour());
        return (reset.isAfter(now) ? reset : reset.plusDays(1)).toInstant();
    }
}
