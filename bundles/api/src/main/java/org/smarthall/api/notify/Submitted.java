package org.smarthall.api.notify;

/**
 * The answer to a submit.
 *
 * @param notification the message as stored
 * @param created      {@code false} when the idempotency key was seen before and this is the first message
 */
public record Submitted(Notification notification, boolean created) {
}
