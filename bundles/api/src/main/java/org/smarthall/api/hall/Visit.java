package org.smarthall.api.hall;

import java.time.Instant;
import java.util.List;

/**
 * One visit of one visitor to a hall, from entry to exit: the "line" of point-line-surface.
 *
 * @param account     the customer, when any event of the visit identified them
 * @param steps       zones in the order visited, with dwell times
 * @param touchpoints touchpoints in time order
 */
public record Visit(String hall, String visitor, String account, Instant entered, Instant left, List<VisitStep> steps,
        List<Touchpoint> touchpoints) {
    public Visit {
        steps = List.copyOf(steps);
        touchpoints = List.copyOf(touchpoints);
    }

    public long durationSeconds() {
        return left.getEpochSecond() - entered.getEpochSecond();
    }
}
