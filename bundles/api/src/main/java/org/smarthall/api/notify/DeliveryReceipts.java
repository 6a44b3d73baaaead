package org.smarthall.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link NotificationChannel} whose provider tells what became of a message it
 * accepted; the outbox asks for messages in state {@link NotificationState#ACCEPTED}.
 */
@ConsumerType
public interface DeliveryReceipts {

    /**
     * What the provider says now of an accepted message: {@code DELIVERED}, {@code ACCEPTED}
     * (ask later), {@code REJECTED} (it failed, with the detail) or {@code RETRY} (no answer).
     */
    SendResult receipt(String providerMessageId);
}
