package org.smarthall.ingest.internal.zone;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The halls' local time, as configured, for what shows or defaults dates (the shell). Kept out
 * of the API: other bundles ask for days and get instants.
 */
public interface HallCalendar {

    ZoneId timeZone();

    /** Today in the halls' time zone. */
    LocalDate today();
}
