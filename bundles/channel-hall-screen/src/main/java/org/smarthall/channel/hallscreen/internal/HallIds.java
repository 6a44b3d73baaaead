package org.smarthall.channel.hallscreen.internal;

import java.util.regex.Pattern;

/**
 * What a hall id may look like. The channel does not know the province's list of halls (that is
 * the ingest bundle's business, and a hall added there must not wait for this bundle), so any id
 * of this shape is a hall: a screen may wait on a hall that has had no message yet.
 */
final class HallIds {
    /** Letters, digits, {@code _} and {@code -}, 1 to 40 of them: safe in a path and in a log line. */
    static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final String RULE = "a hall id: 1 to 40 letters, digits, '_' or '-'";

    private HallIds() {
    }

    static boolean isValid(String hall) {
        return hall != null && PATTERN.matcher(hall).matches();
    }
}
