package org.smarthall.device.keypad.rating.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.smarthall.device.serial.LinkSettings;

/**
 * A keypad line's configuration, checked: one that makes no sense is refused with the attribute
 * (and the entry) named. Meanings are those of {@link KeypadConfig}.
 *
 * @param keyMap  key code to score 1..5
 * @param windows bus address to window id
 */
record KeypadSettings(String deviceId, String hall, LinkSettings link, Map<Integer, Integer> keyMap,
        Map<Integer, String> windows, Duration duplicateWindow) {
    private static final String REFUSED = "keypad-rating configuration refused: ";
    private static final Map<String, Integer> NAMED_SCORES = Map.of("very-satisfied", 5, "satisfied", 4, "neutral", 3,
            "dissatisfied", 2, "very-dissatisfied", 1);
    private static final String SCORE_NAMES = "very-satisfied, satisfied, neutral, dissatisfied, very-dissatisfied";
    private static final Pattern WINDOW_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    KeypadSettings {
        keyMap = Collections.unmodifiableMap(new LinkedHashMap<>(keyMap));
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    static KeypadSettings of(KeypadConfig c) {
        String id = required("deviceId", c.deviceId());
        String hall = required("hall", c.hall());
        String port = required("port", c.port());
        int baud = within("baud", c.baud(), 1_200, 115_200);
        Duration frameTimeout = Duration.ofMillis(within("frameTimeoutMillis", c.frameTimeoutMillis(), 20, 5_000));
        Duration backoffMax = Duration.ofMillis(within("backoffMaxMillis", c.backoffMaxMillis(), 50, 60_000));
        Duration duplicateWindow = Duration.ofMillis(
                within("duplicateWindowMillis", c.duplicateWindowMillis(), 500, 60_000));
        return new KeypadSettings(id, hall, new LinkSettings(port, baud, frameTimeout, backoffMax, Duration.ofSeconds(2)),
                keyMap(c.keyMap()), windows(c.windows()), duplicateWindow);
    }

    /** {@code "1=5,0x32=satisfied"}: key code (0..255) to score (1..5 or a name). */
    static Map<Integer, Integer> keyMap(String text) {
        return entries("keyMap", text, (key, value) -> {
            int code = number("keyMap", key, value, key, "key code", 0, 255, "");
            Integer named = NAMED_SCORES.get(value.toLowerCase(Locale.ROOT));
            int score = named != null ? named
                    : number("keyMap", key, value, value, "score", 1, 5, " nor one of " + SCORE_NAMES);
            return Map.entry(code, score);
        });
    }

    /** {@code "1=W01,2=W02"}: bus address (1..254) to window id. */
    static Map<Integer, String> windows(String text) {
        return entries("windows", text, (key, value) -> {
            int address = number("windows", key, value, key, "address", 1, 254, "");
            if (!WINDOW_ID.matcher(value).matches()) {
                throw refused("windows", key, value, "window id must be 1 to 32 letters, digits, '_', '-' or '.'");
            }
            return Map.entry(address, value);
        });
    }

    private static <V> Map<Integer, V> entries(String attribute, String text,
            BiFunction<String, String, Map.Entry<Integer, V>> parse) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(REFUSED + attribute + " is required");
        }
        Map<Integer, V> map = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String e = entry.strip();
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException(
                        REFUSED + attribute + " entry '" + e + "' must be KEY=VALUE, entries separated by commas");
            }
            String key = e.substring(0, eq).strip();
            String value = e.substring(eq + 1).strip();
            Map.Entry<Integer, V> parsed = parse.apply(key, value);
            if (map.put(parsed.getKey(), parsed.getValue()) != null) {
                throw refused(attribute, key, value, key + " is given twice");
            }
        }
        return map;
    }

    /** A decimal or {@code 0x} hexadecimal number in a range, or the entry is refused. */
    private static int number(String attribute, String key, String value, String text, String what, int min, int max,
            String orElse) {
        int n;
        try {
            n = text.regionMatches(true, 0, "0x", 0, 2) ? Integer.parseInt(text.substring(2), 16)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw refused(attribute, key, value, what + " '" + text + "' is not a number" + orElse);
        }
        if (n < min || n > max) {
            throw refused(attribute, key, value, what + " " + n + " must be " + min + " to " + max);
        }
        return n;
    }

    private static IllegalArgumentException refused(String attribute, String key, String value, String why) {
        return new IllegalArgumentException(REFUSED + attribute + " entry '" + key + "=" + value + "': " + why);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(REFUSED + name + " is required");
        }
        return value.strip();
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(REFUSED + name + " = " + value + " must be " + min + " to " + max);
        }
        return value;
    }
}
