package org.smarthall.channel.apppush.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.api.notify.DeliveryReceipts;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.api.platform.HealthCheck;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Channel {@value #ID}: a push to the app user in {@link OutboundMessage#address()} through the
 * utility's app gateway, as documented in {@code docs/app-push-gateway.md}. The push's title is
 * the parameter {@value #TITLE_PARAMETER} (or the configured default), its body the message's
 * text, and the other parameters go as {@code data} for the app (a deep link, an amount).
 *
 * <p>Duplicates: the outbox message id goes out as {@code Idempotency-Key}; the gateway answers
 * a repeat with the first push's id and does not push again. So a send whose outcome is unknown
 * (timeout, a 2xx without a pushId) is safely a {@code RETRY}.
 *
 * <p>Receipts: {@link #receipt(String)} asks the gateway what became of an accepted push; it is
 * public for the outbox's receipt poller. User ids, titles, texts and the API key are never
 * logged: log lines name the outbox message id or the push id.
 *
 * <p>Configuration PID {@value #PID}, required. No modified method on purpose: a changed
 * configuration re-activates the component, and one that {@link AppPushSettings} refuses leaves
 * the channel in {@code FAILED_ACTIVATION}.
 */
@Component(service = NotificationChannel.class, configurationPid = AppPushChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@SmartHallPlugin(kind = PluginKind.CHANNEL, id = AppPushChannel.ID)
@Designate(ocd = AppPushConfig.class)
public class AppPushChannel implements NotificationChannel, DeliveryReceipts {
    public static final String ID = "app-push";
    public static final String PID = "org.smarthall.channel.apppush";
    /** The parameter that becomes the push's title rather than a data field. */
    public static final String TITLE_PARAMETER = "title";
    /** The gateway refuses a longer body (400). */
    public static final int MAX_BODY_LENGTH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AppPushChannel.class);
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(MAX_BODY_LENGTH, false, true,
            true);
    private static final String SAME_KEY = "the retry carries the same Idempotency-Key";

    private final AppPushSettings settings;
    private final Clock clock;
    private final AppPushGateway gateway;
    /** Until when the gateway's rate limit (per API key) holds sends back. */
    private volatile Instant pausedUntil = Instant.MIN;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public AppPushChannel(AppPushConfig config) {
        this(AppPushSettings.of(config), Clock.systemUTC());
    }

    AppPushChannel(AppPushSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.gateway = new AppPushGateway(settings);
        LOG.info("App push channel through the gateway at {}", settings.baseUrl());
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
            return SendResult.rejected("no message id: the gateway's Idempotency-Key needs one");
        }
        if (message.address() == null || message.address().isBlank()) {
            return SendResult.rejected("no app user id to push to");
        }
        if (isBlank(message.text()) && isBlank(message.template())) {
            return SendResult.rejected("nothing to show: the message has neither text nor template");
        }
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return SendResult.retry("gateway rate limit (429): sends paused until " + pausedUntil,
                    Duration.between(now, pausedUntil));
        }
        try {
            return outcome(gateway.push(messageId, push(message)), message);
        } catch (AppPushGateway.CallFailed e) {
            LOG.info("App push {}: {}", messageId, e.getMessage());
            return SendResult.retry(e.timedOut() ? e.getMessage() + "; outcome unknown, " + SAME_KEY : e.getMessage(),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted before the gateway answered; " + SAME_KEY, null);
        } catch (RuntimeException e) {
            LOG.error("App push {}: unexpected failure", messageId, e);
            return SendResult.retry("channel failure: " + e.getClass().getSimpleName(), null);
        }
    }

    /**
     * What became of a push the gateway accepted ({@code GET /v1/pushes/{pushId}}), for the
     * outbox's receipt poller: {@code DELIVERED}; {@code ACCEPTED} while it is still queued;
     * {@code REJECTED} when it failed or the gateway knows no such push; {@code RETRY} when the
     * gateway cannot say now. Never throws.
     *
     * @param pushId {@link SendResult#providerMessageId()} of the accepted send
     */
    @Override
    public SendResult receipt(String pushId) {
        if (pushId == null || pushId.isBlank()) {
            return SendResult.rejected("no push id to ask about");
        }
        AppPushGateway.Reply reply;
        try {
            reply = gateway.receipt(pushId);
        } catch (AppPushGateway.CallFailed e) {
            return SendResult.retry(e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted before the gateway answered", null);
        }
        if (reply.status() != 200) {
            return reply.status() == 404 ? SendResult.rejected("the gateway knows no push " + pushId)
                    : SendResult.retry(detail(reply, null), reply.retryAfter().orElse(null));
        }
        String status = reply.body().path("status").asText("");
        switch (status) {
            case "delivered":
                return new SendResult(Outcome.DELIVERED, pushId, "delivered", null);
            case "queued":
                return new SendResult(Outcome.ACCEPTED, pushId, "queued", null);
            case "failed":
                String reason = reply.body().path("detail").asText("");
                LOG.info("App push {} failed: {}", pushId, reason);
                return new SendResult(Outcome.REJECTED, pushId, reason.isEmpty() ? "failed" : "failed: " + reason,
                        null);
            default:
                return SendResult.retry("receipt with status '" + status + "'", null);
        }
    }

    @Override
    public HealthCheck.Result health() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new HealthCheck.Result(HealthCheck.Status.DEGRADED,
                    "gateway rate limit (429): sends paused until " + pausedUntil);
        }
        AppPushGateway.Reply reply;
        try {
            reply = gateway.health();
        } catch (AppPushGateway.CallFailed e) {
            return HealthCheck.Result.down(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.down("interrupted while asking the gateway");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return HealthCheck.Result.down("the gateway refuses the API key (HTTP " + reply.status() + ")");
        }
        if (reply.status() != 200) {
            return HealthCheck.Result.down(detail(reply, null));
        }
        String status = reply.body().path("status").asText("");
        return "up".equals(status) ? HealthCheck.Result.up("gateway up")
                : new HealthCheck.Result(HealthCheck.Status.DEGRADED, "gateway says '" + status + "'");
    }

    private SendResult outcome(AppPushGateway.Reply reply, OutboundMessage message) {
        String messageId = message.messageId();
        int status = reply.status();
        if (status == 200 || status == 202) {
            String pushId = reply.body().path("pushId").asText("");
            if (pushId.isEmpty()) {
                return SendResult.retry("HTTP " + status + " without a pushId; " + SAME_KEY, null);
            }
            LOG.debug("App push {} accepted as {}{}", messageId, pushId, status == 200 ? " (seen before)" : "");
            return new SendResult(Outcome.ACCEPTED, pushId,
                    status == 200 ? "accepted before: the gateway had this Idempotency-Key" : "queued", null);
        }
        String detail = detail(reply, message.address());
        if (status == 410) {
            LOG.info("App push {}: the user turned app notifications off", messageId);
            return new SendResult(Outcome.REFUSED_BY_RECIPIENT, null, detail, null);
        }
        if (status == 429) {
            Duration wait = reply.retryAfter().filter(d -> !d.isZero()).orElse(settings.rateLimitRetry());
            pausedUntil = clock.instant().plus(wait);
            LOG.warn("App gateway rate limit: sends paused for {} s", wait.toSeconds());
            return SendResult.retry(detail, wait);
        }
        if (status == 401 || status == 403) {
            // the key is wrong, not the message: dead-lettering every message would lose them all
            LOG.warn("App gateway refuses the API key (HTTP {}): message {} kept for a retry", status, messageId);
            return SendResult.retry(detail + ": the gateway refuses the API key", null);
        }
        if (status >= 400 && status < 500) {
            LOG.info("App push {} rejected: {}", messageId, detail);
            return SendResult.rejected(detail);
        }
        return SendResult.retry(detail, reply.retryAfter().orElse(null));
    }

    private ObjectNode push(OutboundMessage message) {
        ObjectNode push = gateway.newObject();
        push.put("messageId", message.messageId());
        push.put("userId", message.address());
        push.put("purpose", message.purpose());
        String title = message.parameters().get(TITLE_PARAMETER);
        push.put("title", isBlank(title) ? settings.defaultTitle() : title);
        push.put("body", message.text());
        push.put("template", isBlank(message.template()) ? null : message.template());
        ObjectNode data = push.putObject("data");
        for (Map.Entry<String, String> field : message.parameters().entrySet()) {
            if (!TITLE_PARAMETER.equals(field.getKey())) {
                data.put(field.getKey(), field.getValue());
            }
        }
        push.put("urgent", message.urgent());
        return push;
    }

    /** {@code HTTP 400 invalid_request: ...}, with the user id taken out should the gateway echo it. */
    private static String detail(AppPushGateway.Reply reply, String userId) {
        StringBuilder detail = new StringBuilder("HTTP ").append(reply.status());
        if (!reply.error().isEmpty()) {
            detail.append(' ').append(reply.error());
        }
        String more = reply.body().path("detail").asText("");
        if (!more.isEmpty()) {
            detail.append(": ").append(more);
        }
        String text = detail.toString();
        return userId == null || userId.isBlank() ? text : text.replace(userId, "<user>");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
