package org.smarthall.api.customer;

import java.time.Instant;

/**
 * A consent given or withdrawn.
 *
 * @param purpose code from {@link Codes#PURPOSES}
 * @param channel code from {@link Codes#CHANNELS}
 * @param place   where it was given, from {@link Codes#CONSENT_PLACES}
 */
public record Consent(String account, String purpose, String channel, boolean granted, Instant at, String place) {
}
