package org.smarthall.api.platform;

import java.util.List;

/**
 * What {@code GET /health} answers.
 *
 * @param status        worst status of all checks ({@code UP} when there are none)
 * @param version       SmartHall platform version
 * @param uptimeSeconds seconds since the platform started
 * @param checks        each check by name and status, details left out
 */
public record HealthReport(HealthCheck.Status status, String version, long uptimeSeconds, List<CheckStatus> checks) {

    public record CheckStatus(String name, HealthCheck.Status status, String detail) {
    }
}
