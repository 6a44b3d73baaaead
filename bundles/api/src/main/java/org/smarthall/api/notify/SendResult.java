package org.smarthall.api.notify;

import java.time.Duration;

/**
 * What a channel says after trying to send.
 *
 * @param outcome           what happened
 * @param providerMessageId the provider's id, for receipts; {@code null} when none
 * @param detail            provider's code and text, for the outbox record
 * @param retryAfter        for {@link Outcome#RETRY}: a wait the provider asked for, or {@code null}
 */
public record SendResult(Outcome outcome, String providerMessageId, String detail, Duration retryAfter) {

    public enum Outcome {
        /** Provider accepted it; a receipt may follow. */
        ACCEPTED,
        /** Provider confirmed delivery to the person. */
        DELIVERED,
        /** Transient failure (timeout, rate limit, token expired): try again later. */
        RETRY,
        /** Will never succeed as it is (bad address, template refused): dead-letter it. */
        REJECTED,
        /** The person refused messages on this channel: record the consent as withdrawn. */
        REFUSED_BY_RECIPIENT
    }

    public static SendResult accepted(String providerMessageId) {
        return new SendResult(Outcome.ACCEPTED, providerMessageId, null, null);
    }

    public static SendResult retry(String detail, Duration after) {
        return new SendResult(Outcome.RETRY, null, detail, after);
    }

    public static SendResult rejected(String detail) {
        return new SendResult(Outcome.REJECTED, null, detail, null);
    }
}
