package org.smarthall.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall jobs", description = "How many jobs and partitions run at once.")
public @interface JobsConfig {

    @AttributeDefinition(name = "Concurrent jobs", description = "Jobs running at the same time; the others wait, queued.", min = "1", max = "16")
    int maxConcurrentJobs() default 2;

    @AttributeDefinition(name = "Partition workers", description = "Partitions of one job running at the same time, for job types whose partitions allow it (tagging, grading).", min = "1", max = "16")
    int partitionWorkers() default 2;

    @AttributeDefinition(name = "Shutdown grace (s)",
            description = "On stop, how long running partitions get to notice and roll back before their threads are interrupted.")
    int shutdownGraceSeconds() default 10;
}
