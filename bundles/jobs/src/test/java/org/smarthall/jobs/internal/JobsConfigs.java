package org.smarthall.jobs.internal;

import java.lang.annotation.Annotation;

final class JobsConfigs {
    private JobsConfigs() {
    }

    static JobsConfig of(int jobs, int workers) {
        return new JobsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JobsConfig.class;
            }

            @Override
            public int maxConcurrentJobs() {
                return jobs;
            }

            @Override
            public int partitionWorkers() {
                return workers;
            }

            @Override
            public int shutdownGraceSeconds() {
                return 5;
            }
        };
    }
}
