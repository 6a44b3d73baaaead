package org.smarthall.api.hall;

import java.time.Instant;

/**
 * One stay in a zone during a visit.
 *
 * @param left         when the visitor left the zone: its own leave event, else the next zone's
 *                     entry, else the last event of the visit
 * @param dwellSeconds {@code left - entered}
 */
public record VisitStep(String zone, Instant entered, Instant left, long dwellSeconds) {
}
