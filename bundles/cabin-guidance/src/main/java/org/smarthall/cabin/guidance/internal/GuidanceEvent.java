package org.smarthall.cabin.guidance.internal;

import java.time.Instant;

import org.smarthall.cabin.guidance.Greeting;
import org.smarthall.cabin.guidance.Portrait;

/**
 * A portrait ready for the wire, in its two views: written once, sent to every viewer.
 *
 * @param id         the portrait's id: the event's {@code id:}, what a screen sends back as {@code Last-Event-ID}
 * @param staffJson  the portrait, one line of JSON
 * @param kioskJson  the {@link Greeting}, one line of JSON
 */
record GuidanceEvent(String id, String hall, Instant at, Portrait portrait, String staffJson, String kioskJson) {
    static final String STAFF_EVENT = "portrait";
    static final String KIOSK_EVENT = "greeting";

    static GuidanceEvent of(Portrait p) {
        return new GuidanceEvent(p.id(), p.hall(), p.portraitAt(), p, Json.write(p), Json.write(Greeting.of(p)));
    }
}
