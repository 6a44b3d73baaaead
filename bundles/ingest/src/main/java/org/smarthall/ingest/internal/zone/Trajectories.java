package org.smarthall.ingest.internal.zone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.smarthall.api.hall.Touchpoint;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.VisitStep;
import org.smarthall.api.hall.ZoneEvent;

/**
 * Cuts a stream of zone events, ordered by hall, visitor and time, into visits: one visitor's
 * events stay one visit until the visitor goes unseen for longer than the gap. Holds one visit's
 * events at a time, so a scan of any length runs in little memory.
 */
final class Trajectories implements Consumer<ZoneEvent> {
    private final Duration gap;
    private final Consumer<List<ZoneEvent>> visits;
    private final List<ZoneEvent> current = new ArrayList<>();

    /** @param visits receives each visit's events, in time order; the list is only valid during the call */
    Trajectories(Duration gap, Consumer<List<ZoneEvent>> visits) {
        this.gap = gap;
        this.visits = visits;
    }

    @Override
    public void accept(ZoneEvent event) {
        if (!current.isEmpty()) {
            ZoneEvent last = current.get(current.size() - 1);
            if (!last.visitor().equals(event.visitor()) || !last.hall().equals(event.hall())
                    || Duration.between(last.at(), event.at()).compareTo(gap) > 0) {
                flush();
            }
        }
        current.add(event);
    }

    /** Hands over the last visit; call when the stream has ended. */
    void finish() {
        flush();
    }

    private void flush() {
        if (!current.isEmpty()) {
            visits.accept(current);
            current.clear();
        }
    }

    /**
     * The visit of these events (one visitor in one hall, in time order): a step per entry into a
     * zone, left at that zone's own leave event, else at the next entry anywhere, else at the last
     * event; every other kind of event is a touchpoint.
     */
    static Visit visit(List<ZoneEvent> events) {
        List<Instant> entered = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        Map<Integer, Instant> leftAt = new HashMap<>();
        // the latest entry of each zone, until its leave arrives or the zone is entered again
        Map<String, Integer> awaitingLeave = new HashMap<>();
        List<Touchpoint> touchpoints = new ArrayList<>();
        String account = null;
        for (ZoneEvent e : events) {
            if (account == null) {
                account = e.account();
            }
            switch (e.kind()) {
                case "enter" -> {
                    awaitingLeave.put(e.zone(), zones.size());
                    zones.add(e.zone());
                    entered.add(e.at());
                }
                case "leave" -> {
                    Integer step = awaitingLeave.remove(e.zone());
                    if (step != null) {
                        leftAt.put(step, e.at());
                    }
                }
                default -> touchpoints.add(new Touchpoint(e.kind(), e.zone(), e.at(), e.detail()));
            }
        }
        Instant end = events.get(events.size() - 1).at();
        List<VisitStep> steps = new ArrayList<>(zones.size());
        for (int i = 0; i < zones.size(); i++) {
            Instant left = leftAt.getOrDefault(i, i + 1 < zones.size() ? entered.get(i + 1) : end);
            steps.add(new VisitStep(zones.get(i), entered.get(i), left,
                    Duration.between(entered.get(i), left).getSeconds()));
        }
        ZoneEvent first = events.get(0);
        return new Visit(first.hall(), first.visitor(), account, first.at(), end, steps, touchpoints);
    }
}
