package org.smarthall.grade.govahp.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The indicators a government customer is graded by (DOMAIN.md section 2). */
public enum Criterion {
    SOCIAL_INFLUENCE("social-influence", "social influence", "points", true),
    SUPPLY_DEPENDENCY("supply-dependency", "supply dependency", "kVA", false),
    SENSITIVITY("sensitivity", "sensitivity", "points", true),
    CONSUMPTION("consumption", "consumption", "kWh", false);

    /** Name in the configuration and in a run's parameters. */
    final String id;
    /** Name in a grade's reason. */
    final String label;
    /** Unit of the raw value, before normalisation. */
    final String unit;
    /** Whether the raw value is a points score: never compared on a log scale. */
    final boolean points;

    Criterion(String id, String label, String unit, boolean points) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.points = points;
    }

    static Optional<Criterion> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** {@code a, b, c or d}: the ids a configuration may name. */
    static String choices() {
        String all = Arrays.stream(values()).map(c -> c.id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
