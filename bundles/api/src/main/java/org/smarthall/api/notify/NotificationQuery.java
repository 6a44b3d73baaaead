package org.smarthall.api.notify;

/**
 * A filter over the outbox, newest first. Every field but the page may be {@code null}.
 */
public record NotificationQuery(String account, String hall, NotificationState state, String channel, int offset,
        int limit) {
}
