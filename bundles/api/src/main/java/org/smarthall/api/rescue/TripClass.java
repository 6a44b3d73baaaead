package org.smarthall.api.rescue;

/** Prepaid customers by meter trips in the last 12 months (seed 003). */
public enum TripClass {
    /** No trip: no push at all. */
    NORMAL,
    /** One trip: ask for consent; remind only after the customer subscribed. */
    OCCASIONAL,
    /** Two or more trips: push directly when the balance is low. */
    FREQUENT
}
