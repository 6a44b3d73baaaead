package org.smarthall.cabin.guidance.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.hall.ZoneHeat;

/** Hand-written stand-ins of the framework's EventAdmin and of the ingest bundle's HallActivity, recording. */
final class Recorders {
    private Recorders() {
    }

    /** Keeps what is posted, in order. */
    static final class Events implements EventAdmin {
        final BlockingQueue<Event> posted = new LinkedBlockingQueue<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }

        Event next() throws InterruptedException {
            Event e = posted.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event posted within 10 s");
            }
            return e;
        }
    }

    /** Records zone events; fails every call while {@link #failure} is set. */
    static final class Halls implements HallActivity {
        final List<ZoneEvent> recorded = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        @Override
        public IngestResult record(String hall, List<ZoneEvent> events) {
            if (failure != null) {
                throw failure;
            }
            recorded.addAll(events);
            return new IngestResult(events.size(), 0, List.of());
        }

        @Override
        public List<Hall> halls() {
            return List.of();
        }

        @Override
        public Optional<Hall> hall(String id) {
            return Optional.empty();
        }

        @Override
        public List<Visit> visits(String hall, LocalDate day) {
            return List.of();
        }

        @Override
        public List<Visit> visitsOf(String account, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<ZoneHeat> heat(String hall, LocalDate from, LocalDate to) {
            return List.of();
        }
    }
}
