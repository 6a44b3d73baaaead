package org.smarthall.ingest.internal.zone;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Keeps what is posted or sent, in order, instead of delivering it. */
final class RecordingEventAdmin implements EventAdmin {
    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public synchronized void sendEvent(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        events.clear();
    }
}
