package org.smarthall.api.hall;

/**
 * How busy a zone was in one hour of the day over a period.
 *
 * @param hour               0 to 23, local time of the hall
 * @param visits             stays that began in that hour
 * @param meanDwellSeconds   mean length of those stays
 */
public record ZoneHeat(String zone, int hour, long visits, double meanDwellSeconds) {
}
