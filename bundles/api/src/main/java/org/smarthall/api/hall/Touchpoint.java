package org.smarthall.api.hall;

import java.time.Instant;

/**
 * A touchpoint during a visit: the ID card swiped, a ticket taken, called, served, rated.
 *
 * @param detail business code, window or score, as on the zone event
 */
public record Touchpoint(String kind, String zone, Instant at, String detail) {
}
