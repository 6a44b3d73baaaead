package org.smarthall.grade.trips.internal;

import org.smarthall.api.rescue.TripClass;

/**
 * Where the trip classes start, checked: a configuration that makes no sense is refused with the
 * attribute and its value named. Field meanings are those of {@link TripsConfig}.
 */
public record TripRules(int occasionalFrom, int frequentFrom) {

    /** @throws IllegalArgumentException naming the attribute and its value when the rules make no sense */
    public TripRules {
        if (occasionalFrom < 1) {
            throw refused("occasionalFrom = " + occasionalFrom + " must be at least 1");
        }
        if (frequentFrom <= occasionalFrom) {
            throw refused("frequentFrom = " + frequentFrom + " must be above occasionalFrom = " + occasionalFrom);
        }
    }

    /** The rules of a configuration (Metatype defaults where the cfg file says nothing). */
    public static TripRules of(TripsConfig c) {
        return new TripRules(c.occasionalFrom(), c.frequentFrom());
    }

    public TripClass classify(int trips) {
        return trips >= frequentFrom ? TripClass.FREQUENT : trips >= occasionalFrom ? TripClass.OCCASIONAL : TripClass.NORMAL;
    }

    /** The trips of a class as the reason shows them: {@code 0}, {@code 1}, {@code >= 2}, {@code 3 to 5}. */
    String range(TripClass tripClass) {
        return switch (tripClass) {
            case NORMAL -> span(0, occasionalFrom - 1);
            case OCCASIONAL -> span(occasionalFrom, frequentFrom - 1);
            case FREQUENT -> ">= " + frequentFrom;
        };
    }

    private static String span(int from, int to) {
        return from == to ? Integer.toString(from) : from + " to " + to;
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("prepaid-trips configuration refused: " + why);
    }
}
