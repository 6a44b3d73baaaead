package org.smarthall.api.notify;

import org.osgi.annotation.versioning.ConsumerType;
import org.smarthall.api.platform.HealthCheck;

/**
 * Sends messages over one channel. Register as a service with
 * {@code @SmartHallPlugin(kind = PluginKind.CHANNEL, id = ...)}; the id ({@code "sms"},
 * {@code "wechat"}, {@code "app-push"}, {@code "email"}, {@code "hall-screen"}) is what the
 * channel-preference tag names.
 */
@ConsumerType
public interface NotificationChannel {

    String id();

    ChannelCapabilities capabilities();

    /**
     * Sends one message. Idempotent by {@link OutboundMessage#messageId()}: the outbox may call
     * again after a crash, and the person must not get the message twice. Never throws for a
     * provider failure: it answers {@link SendResult.Outcome#RETRY} or
     * {@link SendResult.Outcome#REJECTED} with the provider's detail.
     */
    SendResult send(OutboundMessage message);

    /** Whether the provider is reachable now. */
    HealthCheck.Result health();
}
