package org.smarthall.store.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Counters as stored: {@code name=value,name=value}, names restricted so no escaping is needed. */
final class Counters {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Counters() {
    }

    static String encode(Map<String, Long> counters) {
        if (counters.isEmpty()) {
            return null;
        }
        for (String name : counters.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("counter name must match " + NAME.pattern() + ": " + name);
            }
        }
        String encoded = new TreeMap<>(counters).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        if (encoded.length() > 4000) {
            throw new IllegalArgumentException("too many counters to store (" + counters.size() + ")");
        }
        return encoded;
    }

    static Map<String, Long> decode(String encoded) {
        Map<String, Long> counters = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return counters;
        }
        for (String pair : encoded.split(",")) {
            int eq = pair.indexOf('=');
            counters.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return counters;
    }
}
