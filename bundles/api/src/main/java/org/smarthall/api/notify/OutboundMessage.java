package org.smarthall.api.notify;

import java.util.Map;

/**
 * One message handed to a channel.
 *
 * @param messageId  the outbox's id for the message: the same on every retry, passed to the
 *                   provider so that it can drop a duplicate
 * @param account    customer account, {@code null} for a hall screen or a staff member
 * @param purpose    why it is sent (bill, outage, purchase-rescue reminder...): consent is per purpose
 * @param address    where to on this channel: phone number, WeChat openid, e-mail, hall id
 * @param template   provider template id, or {@code null} for free text
 * @param parameters template parameters
 * @param text       rendered text, for channels without templates
 * @param urgent     exempt from quiet hours (outage, safety)
 */
public record OutboundMessage(String messageId, String account, String purpose, String address, String template,
        Map<String, String> parameters, String text, boolean urgent) {
    public OutboundMessage {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
