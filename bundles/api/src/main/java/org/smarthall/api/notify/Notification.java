package org.smarthall.api.notify;

import java.time.Instant;
import java.util.Map;

/**
 * A message in the outbox as staff and callers see it. The address is masked.
 *
 * @param id                the message id: passed to the provider on every attempt
 * @param idempotencyKey    the caller's key, or the id when it gave none
 * @param account           the customer, or {@code null}
 * @param hall              the hall, or {@code null}
 * @param purpose           why it is sent
 * @param requestedChannel  the channel the caller asked for, or {@code null} when routed
 * @param channel           the channel chosen for the last attempt, or {@code null} before one
 * @param address           masked address on that channel ({@code 138****5678})
 * @param template          provider template id, or {@code null}
 * @param parameters        template parameters
 * @param text              rendered text
 * @param urgent            exempt from quiet hours
 * @param state             where it is
 * @param attempts          sends tried so far
 * @param nextAttempt       when the outbox looks at it again; {@code null} when done
 * @param providerMessageId the provider's id once accepted
 * @param reason            the last failure, the suppression or the hold, in words
 * @param createdAt         when it was submitted
 * @param updatedAt         when its state last changed
 * @param deliveredAt       when the provider took it or confirmed delivery
 */
public record Notification(String id, String idempotencyKey, String account, String hall, String purpose,
        String requestedChannel, String channel, String address, String template, Map<String, String> parameters,
        String text, boolean urgent, NotificationState state, int attempts, Instant nextAttempt,
        String providerMessageId, String reason, Instant createdAt, Instant updatedAt, Instant deliveredAt) {
    public Notification {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
