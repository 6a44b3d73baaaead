package org.smarthall.api.plugin;

import java.util.Comparator;

import org.osgi.framework.Version;

/**
 * Which of several plugins of one kind and id is used: the highest service ranking, then the
 * highest bundle version. A province installs its variant next to the default (same id, higher
 * version) and it takes over; uninstalled, the default is back.
 */
public final class Precedence {

    /** A plugin as the rule sees it. */
    public record Candidate(int ranking, Version version) {
    }

    /** Orders candidates from the one that loses to the one that wins. */
    public static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::ranking)
            .thenComparing(Candidate::version);

    private Precedence() {
    }

    /** Whether {@code a} is used rather than {@code b}; ties go to {@code a}. */
    public static boolean wins(Candidate a, Candidate b) {
        return ORDER.compare(a, b) >= 0;
    }

    /** The ranking of a service property value ({@code service.ranking}): 0 unless an Integer. */
    public static int ranking(Object serviceRanking) {
        return serviceRanking instanceof Integer i ? i : 0;
    }
}
