package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** A prepaid meter tripped: its balance fell below the trip threshold (10 yuan by default). */
public record Trip(Instant at, BigDecimal balance) {
}
