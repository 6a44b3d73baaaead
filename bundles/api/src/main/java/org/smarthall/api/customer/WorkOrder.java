package org.smarthall.api.customer;

import java.time.Instant;

/**
 * A work order (工单).
 *
 * @param satisfaction 1 (worst) to 5 (best), {@code null} when the customer gave none
 */
public record WorkOrder(String id, String channel, WorkOrderKind kind, Instant opened, Instant resolved,
        String resolution, Integer satisfaction) {
}
