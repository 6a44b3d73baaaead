package org.smarthall.notify.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.platform.HealthCheck;

/**
 * A channel for the outbox's routing and retry rules, answering what the test says. The protocol
 * of each real channel is tested in its own bundle; the end-to-end sends here go to the real
 * app-push channel and its gateway.
 */
final class RecordingChannel implements NotificationChannel {
    final String id;
    final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());
    volatile Function<OutboundMessage, SendResult> answer = m -> SendResult.accepted(null);

    RecordingChannel(String id) {
        this.id = id;
    }

    RecordingChannel answering(Function<OutboundMessage, SendResult> a) {
        this.answer = a;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return new ChannelCapabilities(0, false, false, false);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        sent.add(message);
        return answer.apply(message);
    }

    @Override
    public HealthCheck.Result health() {
        return HealthCheck.Result.up("test");
    }

    long sentTo(String messageId) {
        synchronized (sent) {
            return sent.stream().filter(m -> m.messageId().equals(messageId)).count();
        }
    }
}
