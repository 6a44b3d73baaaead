package org.smarthall.channel.hallscreen.internal;

import java.time.Instant;

/**
 * One event of a hall's stream, ready for the wire.
 *
 * @param messageId the outbox message id: the event's {@code id:}, what a screen sends back as
 *                  {@code Last-Event-ID}, and the key of the channel's idempotency
 * @param hall      the hall whose screens show it
 * @param name      the event's {@code event:} (the message's purpose)
 * @param data      the event's {@code data:}: one line of JSON
 * @param at        when the channel took the message; old events leave the replay buffer by it
 */
record ScreenEvent(String messageId, String hall, String name, String data, Instant at) {
    ScreenEvent {
        // a line break would end the field early and let the rest pass for fields of its own
        requireOneLine("messageId", messageId);
        requireOneLine("name", name);
        requireOneLine("data", data);
    }

    private static void requireOneLine(String field, String value) {
        if (value == null || !oneLine(value)) {
            throw new IllegalArgumentException(field + " must be one line of text");
        }
    }

    /** Whether an event-stream field can carry the value: no CR, LF or NUL. */
    static boolean oneLine(String value) {
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\0') < 0;
    }
}
