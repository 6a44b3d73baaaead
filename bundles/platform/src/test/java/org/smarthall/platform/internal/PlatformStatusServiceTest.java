package org.smarthall.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.platform.HealthReport;

class PlatformStatusServiceTest {

    private static HealthCheck check(String name, HealthCheck.Result result) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return result;
            }
        };
    }

    @Test
    void withoutChecksThePlatformIsUp() {
        HealthReport report = new PlatformStatusService("1.0.0", () -> 90_500).health();
        assertEquals(HealthCheck.Status.UP, report.status());
        assertEquals("1.0.0", report.version());
        assertEquals(90, report.uptimeSeconds());
    }

    @Test
    void theWorstCheckDecidesAndChecksAreSortedByName() {
        PlatformStatusService status = new PlatformStatusService("1.0.0", () -> 0);
        status.addCheck(check("store", HealthCheck.Result.up("DERBY schema v1")));
        status.addCheck(check("devices", new HealthCheck.Result(HealthCheck.Status.DEGRADED, "printer paper low")));
        assertEquals(HealthCheck.Status.DEGRADED, status.health().status());

        HealthCheck broken = check("sms", HealthCheck.Result.down("gateway refused"));
        status.addCheck(broken);
        HealthReport report = status.health();
        assertEquals(HealthCheck.Status.DOWN, report.status());
        assertEquals(List.of("devices", "sms", "store"), report.checks().stream().map(HealthReport.CheckStatus::name).toList());

        status.removeCheck(broken);
        assertEquals(HealthCheck.Status.DEGRADED, status.health().status());
    }

    @Test
    void aCheckThatThrowsCountsAsDown() {
        PlatformStatusService status = new PlatformStatusService("1.0.0", () -> 0);
        status.addCheck(new HealthCheck() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public Result check() {
                throw new IllegalStateException("boom");
            }
        });
        assertEquals(HealthCheck.Status.DOWN, status.health().status());
    }
}
