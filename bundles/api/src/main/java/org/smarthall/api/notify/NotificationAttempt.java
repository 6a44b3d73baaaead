package org.smarthall.api.notify;

import java.time.Instant;

/**
 * One thing the outbox did with a message: a send and its outcome, a suppression, a hold.
 *
 * @param attempt the attempt number (0 for decisions taken before a send)
 * @param at      when
 * @param channel the channel, or {@code null}
 * @param outcome {@link SendResult.Outcome} name, or SUPPRESSED, HELD, IN_DOUBT, RESENT, RECEIPT
 * @param detail  the provider's code and text, or the outbox's reason
 */
public record NotificationAttempt(int attempt, Instant at, String channel, String outcome, String detail) {
}
