package org.smarthall.channel.sms.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The channel's own memory of outbox message ids, because Kannel has no guard against a
 * duplicate at all: ids Kannel accepted (with its answer) and ids being sent right now. It is in
 * memory and bounded, so it covers a retry within one run of the bundle; across restarts and
 * beyond the bound only the outbox's record of ACCEPTED prevents a second SMS.
 */
final class SentMessages {
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, String> accepted;

    SentMessages(int capacity) {
        this.accepted = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Kannel's answer to a message it already accepted. */
    synchronized Optional<String> acceptedAs(String messageId) {
        return Optional.ofNullable(accepted.get(messageId));
    }

    /** Marks a message as being sent; false when it already is. */
    synchronized boolean begin(String messageId) {
        return inFlight.add(messageId);
    }

    /** Ends a send; {@code answer} is Kannel's answer when it accepted the message, else null. */
    synchronized void end(String messageId, String answer) {
        inFlight.remove(messageId);
        if (answer != null) {
            accepted.put(messageId, answer);
        }
    }
}
