package org.smarthall.cabin.guidance.internal;

import java.time.Instant;

import org.smarthall.device.api.IdCard;

/**
 * One card read, checked: a hall id, a device id and a card.
 *
 * @param cardAt        when the first byte of the card's answer came off the wire
 * @param receivedNanos {@link System#nanoTime()} when the event reached the listener
 */
record Swipe(String hall, String device, IdCard card, Instant cardAt, long receivedNanos) {
    @Override
    public String toString() {
        // the card's own toString masks the number; nothing else of it is shown
        return "Swipe[" + hall + ", " + device + ", " + card + "]";
    }
}
