package org.smarthall.jobs.internal;

import java.util.Map;

import org.smarthall.testing.Annotations;

final class JobsConfigs {
    private JobsConfigs() {
    }

    static JobsConfig of(int jobs, int workers) {
        return Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", jobs, "partitionWorkers", workers,
                "shutdownGraceSeconds", 5));
    }
}
