package org.smarthall.itests.plugin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.jobs.JobContext;
import org.smarthall.api.jobs.JobHandler;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.jobs.PartitionContext;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;

/**
 * Job type {@code itest-squares}: writes (i, i*i) for i below n into {@code itest_squares}, in
 * partitions of {@code size}, sleeping {@code pauseMillis} after each partition's rows so that a
 * test can kill the node midway. A doubled or lost partition shows in the row count and in the
 * checksum the job ends with.
 */
@Component(service = JobHandler.class, property = JobHandler.PROPERTY_TYPE + "=" + SquaresJob.TYPE)
@SmartHallPlugin(kind = PluginKind.JOB_TYPE, id = SquaresJob.TYPE)
public class SquaresJob implements JobHandler {
    static final String TYPE = "itest-squares";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        positive(parameters, "n");
        positive(parameters, "size");
    }

    private static int positive(Map<String, String> parameters, String name) {
        try {
            int value = Integer.parseInt(parameters.getOrDefault(name, ""));
            if (value <= 0) {
                throw new InvalidInputException(name, "must be more than 0");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number");
        }
    }

    @Override
    public List<Partition> plan(JobContext job) throws SQLException {
        createTable(job.connection());
        int n = positive(job.parameters(), "n");
        int size = positive(job.parameters(), "size");
        List<Partition> partitions = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            partitions.add(new Partition(from + "-" + to, to - from));
        }
        return partitions;
    }

    private static void createTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "ITEST_SQUARES", null)) {
            if (rs.next()) {
                return;
            }
        }
        try (ResultSet rs = c.getMetaData().getTables(null, null, "itest_squares", null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE itest_squares (job_id BIGINT NOT NULL, i INTEGER NOT NULL, sq BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, i))");
        }
    }

    @Override
    public void run(PartitionContext ctx) throws Exception {
        String[] range = ctx.partition().key().split("-");
        int from = Integer.parseInt(range[0]);
        int to = Integer.parseInt(range[1]);
        try (PreparedStatement insert = ctx.connection().prepareStatement(
                "INSERT INTO itest_squares (job_id, i, sq) VALUES (?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                insert.setLong(1, ctx.jobId());
                insert.setInt(2, i);
                insert.setLong(3, (long) i * i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ctx.worked(to - from);
        ctx.count("rows", to - from);
        long pause = Long.parseLong(ctx.parameters().getOrDefault("pauseMillis", "0"));
        if (pause > 0) {
            Thread.sleep(pause);
        }
    }

    @Override
    public Map<String, Long> finish(JobContext job, Map<String, Long> counters) throws SQLException {
        try (PreparedStatement sum = job.connection().prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(sq), 0), COUNT(DISTINCT i) FROM itest_squares WHERE job_id = ?")) {
            sum.setLong(1, job.jobId());
            try (ResultSet rs = sum.executeQuery()) {
                rs.next();
                return Map.of("stored", rs.getLong(1), "checksum", rs.getLong(2), "distinct", rs.getLong(3));
            }
        }
    }
}
