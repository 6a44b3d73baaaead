package org.smarthall.ingest.internal.zone;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.event.EventProperties;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.ZoneEvent;

/**
 * Stores the zone entries and exits that sensors and devices post in the runtime. The events
 * SmartHall posts itself after storing them carry {@code recorded=true} and are left alone.
 * A malformed event is logged and counted: a sensor's fault must not reach EventAdmin.
 */
// Plain properties rather than @EventTopics: that annotation requires an osgi.implementation
// capability that Karaf's Felix EventAdmin does not declare, so the bundle would not resolve.
@Component(property = {EventConstants.EVENT_TOPIC + "=" + HallTopics.ZONE_ENTERED,
        EventConstants.EVENT_TOPIC + "=" + HallTopics.ZONE_LEFT,
        EventConstants.EVENT_FILTER + "=(!(" + EventProperties.RECORDED + "=true))"})
public class SensorZoneEventListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SensorZoneEventListener.class);

    private final HallActivity halls;
    private final AtomicLong malformed = new AtomicLong();

    @Activate
    public SensorZoneEventListener(@Reference HallActivity halls) {
        this.halls = halls;
    }

    @Override
    public void handleEvent(Event event) {
        if (Boolean.TRUE.equals(event.getProperty(EventProperties.RECORDED))) {
            return;
        }
        String kind = HallTopics.ZONE_LEFT.equals(event.getTopic()) ? "leave" : "enter";
        ZoneEvent zoneEvent;
        try {
            zoneEvent = new ZoneEvent(text(event, EventProperties.HALL), text(event, EventProperties.ZONE),
                    text(event, EventProperties.VISITOR), text(event, EventProperties.ACCOUNT), kind, timestamp(event),
                    text(event, EventProperties.DETAIL));
        } catch (IllegalArgumentException e) {
            reject(event, e.getMessage());
            return;
        }
        if (zoneEvent.hall() == null) {
            reject(event, EventProperties.HALL + ": required");
            return;
        }
        try {
            IngestResult result = halls.record(zoneEvent.hall(), List.of(zoneEvent));
            if (!result.rejected().isEmpty()) {
                IngestResult.Rejected rejected = result.rejected().get(0);
                reject(event, rejected.field() + ": " + rejected.reason());
            }
        } catch (NotFoundException e) {
            reject(event, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Could not store the sensor zone event {} of hall {}", event.getTopic(), zoneEvent.hall(), e);
        }
    }

    /** Sensor events dropped as malformed since the start. */
    long malformed() {
        return malformed.get();
    }

    private void reject(Event event, String reason) {
        LOG.warn("Malformed sensor zone event {} dropped ({} so far): {}; hall={} zone={} visitor={}", event.getTopic(),
                malformed.incrementAndGet(), reason, event.getProperty(EventProperties.HALL),
                event.getProperty(EventProperties.ZONE), event.getProperty(EventProperties.VISITOR));
    }

    private static String text(Event event, String property) {
        Object value = event.getProperty(property);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(property + ": a string is expected, not " + value.getClass().getSimpleName());
    }

    private static Instant timestamp(Event event) {
        Object value = event.getProperty(EventProperties.TIMESTAMP);
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        throw new IllegalArgumentException(EventProperties.TIMESTAMP + ": epoch milliseconds (Long) required, not "
                + (value == null ? "missing" : value.getClass().getSimpleName()));
    }
}
