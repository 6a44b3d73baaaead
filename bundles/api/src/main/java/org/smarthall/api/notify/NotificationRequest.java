package org.smarthall.api.notify;

import java.util.Map;

/**
 * A message to put in the outbox.
 *
 * @param idempotencyKey  the caller's key: a second submit with the same key returns the first
 *                        message and sends nothing; {@code null} makes every submit a new message
 * @param account         the customer, or {@code null} for a message to a hall's screens
 * @param hall            the hall whose screens show it (channel {@code hall-screen}), or {@code null}
 * @param purpose         code from {@link org.smarthall.api.customer.Codes#PURPOSES}: consent is per purpose
 * @param channel         a channel id to send on, or {@code null} to route by the customer's
 *                        preferred channel, consent and the configured fallback order
 * @param template        provider template id, or {@code null}
 * @param parameters      template parameters (strings)
 * @param text            rendered text for channels without templates
 * @param urgent          exempt from quiet hours (outage, safety)
 * @param requireConsent  send only on a channel where the customer subscribed to this purpose
 *                        (an opt-in), e.g. purchase reminders for an "occasional" customer; the
 *                        outbox also asks for one for the purposes configured as opt-in
 */
public record NotificationRequest(String idempotencyKey, String account, String hall, String purpose, String channel,
        String template, Map<String, String> parameters, String text, boolean urgent, boolean requireConsent) {
    public NotificationRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A free-text message to a customer, routed by the outbox. */
    public static NotificationRequest toCustomer(String idempotencyKey, String account, String purpose, String text) {
        return new NotificationRequest(idempotencyKey, account, null, purpose, null, null, Map.of(), text, false, false);
    }
}
