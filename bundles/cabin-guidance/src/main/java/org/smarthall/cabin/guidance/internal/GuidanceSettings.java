package org.smarthall.cabin.guidance.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.smarthall.api.customer.CustomerKind;

/**
 * The cabin's configuration, checked: one that makes no sense is refused with the attribute named.
 * Meanings are those of {@link GuidanceConfig}.
 */
record GuidanceSettings(Duration latestTtl, int replaySize, Duration heartbeat, Duration retry, RouteRules rules,
        int workers, int queueCapacity) {

    private static final Set<String> TRIP_CLASSES = Set.of("normal", "occasional", "frequent");

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    static GuidanceSettings of(GuidanceConfig c) {
        return new GuidanceSettings(
                Duration.ofMinutes(within("latestTtlMinutes", c.latestTtlMinutes(), 1, 1_440)),
                within("replaySize", c.replaySize(), 0, 1_000),
                Duration.ofSeconds(within("heartbeatSeconds", c.heartbeatSeconds(), 1, 300)),
                Duration.ofMillis(within("retryMillis", c.retryMillis(), 100, 600_000)),
                new RouteRules(words(c.vipGrades()), kinds(c.vipKinds()), tripClasses(c.priorityTrips()),
                        amount(c.selfServiceMaxArrears())),
                within("workers", c.workers(), 1, 16),
                within("queueCapacity", c.queueCapacity(), 1, 10_000));
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw refused(name + " = " + value + " must be " + min + " to " + max);
        }
        return value;
    }

    private static Set<String> words(String list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null) {
            return out;
        }
        for (String w : list.split(",")) {
            if (!w.isBlank()) {
                out.add(w.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Set<CustomerKind> kinds(String list) {
        Set<CustomerKind> out = new LinkedHashSet<>();
        for (String w : words(list)) {
            try {
                out.add(CustomerKind.valueOf(w.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw refused("vipKinds: '" + w + "' is not one of " + Arrays.toString(CustomerKind.values()));
            }
        }
        return out;
    }

    private static Set<String> tripClasses(String list) {
        Set<String> out = words(list);
        for (String w : out) {
            if (!TRIP_CLASSES.contains(w)) {
                throw refused("priorityTrips: '" + w + "' is not one of normal, occasional, frequent");
            }
        }
        return out;
    }

    private static BigDecimal amount(String value) {
        try {
            BigDecimal amount = new BigDecimal(value == null ? "" : value.strip());
            if (amount.signum() < 0) {
                throw refused("selfServiceMaxArrears = " + value + " must be 0 or more");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw refused("selfServiceMaxArrears = '" + value + "' is not an amount in yuan (e.g. 0 or 50.00)");
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("guidance configuration refused: " + why);
    }
}
