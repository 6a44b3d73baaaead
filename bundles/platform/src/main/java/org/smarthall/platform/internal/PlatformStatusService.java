package org.smarthall.platform.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.platform.HealthReport;
import org.smarthall.api.platform.PlatformStatus;

/** Builds the health report from every registered {@link HealthCheck}. */
@Component(service = PlatformStatus.class)
public class PlatformStatusService implements PlatformStatus {
    /** Framework property the assembly sets to the SmartHall release. */
    static final String VERSION_PROPERTY = "smarthall.version";

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private final String version;
    private final LongSupplier uptimeMillis;

    @Activate
    public PlatformStatusService(BundleContext context) {
        this(versionOf(context), () -> ManagementFactory.getRuntimeMXBean().getUptime());
    }

    PlatformStatusService(String version, LongSupplier uptimeMillis) {
        this.version = version;
        this.uptimeMillis = uptimeMillis;
    }

    private static String versionOf(BundleContext context) {
        String configured = context.getProperty(VERSION_PROPERTY);
        return configured != null ? configured : context.getBundle().getVersion().toString();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeCheck(HealthCheck check) {
        checks.remove(check);
    }

    @Override
    public HealthReport health() {
        List<HealthReport.CheckStatus> results = new ArrayList<>();
        HealthCheck.Status worst = HealthCheck.Status.UP;
        for (HealthCheck check : checks) {
            HealthCheck.Result result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = HealthCheck.Result.down("check failed: " + e);
            }
            results.add(new HealthReport.CheckStatus(check.name(), result.status(), result.detail()));
            if (result.status().ordinal() > worst.ordinal()) {
                worst = result.status();
            }
        }
        results.sort(Comparator.comparing(HealthReport.CheckStatus::name));
        return new HealthReport(worst, version, uptimeSeconds(), results);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public long uptimeSeconds() {
        return uptimeMillis.getAsLong() / 1000;
    }
}
