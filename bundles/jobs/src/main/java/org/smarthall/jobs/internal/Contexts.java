package org.smarthall.jobs.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import org.smarthall.api.jobs.JobContext;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.jobs.PartitionContext;

final class Contexts {
    private Contexts() {
    }

    static class Job implements JobContext {
        private final RunningJob job;
        private final Map<String, String> parameters;
        private final Connection connection;

        Job(RunningJob job, Map<String, String> parameters, Connection connection) {
            this.job = job;
            this.parameters = Map.copyOf(parameters);
            this.connection = connection;
        }

        @Override
        public long jobId() {
            return job.id;
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public boolean cancelled() {
            return job.stopping();
        }
    }

    static final class PartitionWork extends Job implements PartitionContext {
        private final RunningJob job;
        private final int index;
        private final Partition partition;
        private final Map<String, Long> counters = new HashMap<>();
        private long worked;

        PartitionWork(RunningJob job, Map<String, String> parameters, Connection connection, int index,
                Partition partition) {
            super(job, parameters, connection);
            this.job = job;
            this.index = index;
            this.partition = partition;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public Partition partition() {
            return partition;
        }

        @Override
        public synchronized void worked(long units) {
            worked += units;
            job.progress.worked(units);
        }

        @Override
        public synchronized void count(String counter, long delta) {
            counters.merge(counter, delta, Long::sum);
        }

        synchronized long workedUnits() {
            return worked;
        }

        synchronized Map<String, Long> counters() {
            return Map.copyOf(counters);
        }
    }
}
