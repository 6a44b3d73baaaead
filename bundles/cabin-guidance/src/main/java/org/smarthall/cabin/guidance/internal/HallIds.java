package org.smarthall.cabin.guidance.internal;

import java.util.regex.Pattern;

/**
 * What a hall id may look like: the rule of the hall-screen channel, so that one hall id works on
 * both streams. Any id of this shape is a hall: a guidance screen may wait on a hall that has had
 * no swipe yet.
 */
final class HallIds {
    static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final String RULE = "a hall id: 1 to 40 letters, digits, '_' or '-'";

    private HallIds() {
    }

    static boolean isValid(String hall) {
        return hall != null && PATTERN.matcher(hall).matches();
    }
}
