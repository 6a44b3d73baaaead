package org.smarthall.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/** The running platform's version, uptime and health. */
@ProviderType
public interface PlatformStatus {

    /** Runs every registered {@link HealthCheck}. */
    HealthReport health();

    String version();

    long uptimeSeconds();
}
