package org.smarthall.jobs.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import org.smarthall.api.InvalidInputException;
import org.smarthall.api.jobs.JobContext;
import org.smarthall.api.jobs.JobHandler;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.jobs.PartitionContext;

/**
 * Writes i and i*i for i in [0, n) into t_squares, in partitions of a given size, and checks the
 * sum at the end: a doubled or lost partition shows in the table and in the checksum.
 */
class SquaresHandler implements JobHandler {
    private final String type;
    volatile IntPredicate failOnPartition = i -> false;
    /** When set, partition {@link #blockPartition} waits on it (while checking for cancel). */
    volatile CountDownLatch release;
    volatile int blockPartition = -1;
    final CountDownLatch blocked = new CountDownLatch(1);
    /** Whether the runner may run partitions at once (they write distinct rows, so it may). */
    volatile boolean parallel = true;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** The most partitions seen running at the same time. */
    final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    SquaresHandler(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        try {
            if (Integer.parseInt(parameters.getOrDefault("n", "")) < 0) {
                throw new InvalidInputException("n", "must not be negative");
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("n", "must be a whole number");
        }
    }

    @Override
    public boolean parallelPartitions() {
        return parallel;
    }

    @Override
    public List<Partition> plan(JobContext job) {
        int n = Integer.parseInt(job.parameters().get("n"));
        int size = Integer.parseInt(job.parameters().getOrDefault("size", "10"));
        List<Partition> partitions = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            partitions.add(new Partition(from + "-" + to, to - from));
        }
        return partitions;
    }

    @Override
    public void run(PartitionContext ctx) throws Exception {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            square(ctx);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void square(PartitionContext ctx) throws Exception {
        String[] range = ctx.partition().key().split("-");
        int from = Integer.parseInt(range[0]);
        int to = Integer.parseInt(range[1]);
        try (PreparedStatement insert = ctx.connection().prepareStatement(
                "INSERT INTO t_squares (job_id, i, sq) VALUES (?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                insert.setLong(1, ctx.jobId());
                insert.setInt(2, i);
                insert.setLong(3, (long) i * i);
                insert.executeUpdate();
                ctx.worked(1);
            }
        }
        if (ctx.index() == blockPartition && release != null) {
            blocked.countDown();
            while (!release.await(20, TimeUnit.MILLISECONDS)) {
                if (ctx.cancelled()) {
                    return;
                }
            }
        }
        if (failOnPartition.test(ctx.index())) {
            throw new IllegalStateException("meter data corrupt in " + ctx.partition().key());
        }
        ctx.count("rows", to - from);
    }

    @Override
    public Map<String, Long> finish(JobContext job, Map<String, Long> counters) throws Exception {
        try (PreparedStatement sum = job.connection().prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(sq), 0) FROM t_squares WHERE job_id = ?")) {
            sum.setLong(1, job.jobId());
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return Map.of("stored", rs.getLong(1), "checksum", rs.getLong(2));
            }
        }
    }
}
