package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A prepaid purchase attempt.
 *
 * @param failureReason why it failed, {@code null} when it succeeded
 */
public record Recharge(Instant at, BigDecimal amount, String channel, boolean success, String failureReason) {
}
