package org.smarthall.ingest.internal.imports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.smarthall.api.jobs.JobInfo;
import org.smarthall.jobs.internal.JobRunner;
import org.smarthall.jobs.internal.JobsConfig;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.JobRepositoryImpl;
import org.smarthall.store.internal.PiiProtectorService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;

/** The real store, job runner and import service on one database, as the runtime wires them. */
final class ImportFixture implements AutoCloseable {
    final DataSource dataSource;
    final DatabaseService database;
    final EntityManagerFactory emf;
    final JobRepositoryImpl jobRepository;
    final PiiProtectorService pii;
    final Path directory;
    final int partitionRows;
    JobRunner jobs;
    ImportServiceImpl imports;

    ImportFixture(DataSource dataSource, Path directory, int partitionRows, byte[] key) throws SQLException {
        this.dataSource = dataSource;
        this.directory = directory;
        this.partitionRows = partitionRows;
        this.database = new DatabaseService(dataSource, storeConfig());
        this.emf = Persistence.createEntityManagerFactory("smarthall", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        this.jobRepository = new JobRepositoryImpl(emf, database);
        this.pii = new PiiProtectorService(key);
        start();
    }

    /** Starts (or restarts, after {@link #stop()}) the job runner and the import service on it. */
    void start() {
        start(null);
    }

    /** Starts with another handler of import jobs in front of the import service (a test's wrapper). */
    void start(org.smarthall.api.jobs.JobHandler handler) {
        jobs = new JobRunner(jobRepository, database, jobsConfig());
        imports = new ImportServiceImpl(database, jobs, pii, directory, partitionRows, 64L * 1024 * 1024);
        jobs.addHandler(handler != null ? handler : imports);
    }

    /** Stops the runner as a node stops: the partition under way rolls back. */
    void stop() {
        jobs.deactivate();
    }

    JobInfo awaitEnd(long id) {
        await(Duration.ofSeconds(60), () -> jobs.find(id).orElseThrow().state().terminal());
        return jobs.find(id).orElseThrow();
    }

    static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        stop();
        emf.close();
    }

    private static StoreConfig storeConfig() {
        return Annotations.of(StoreConfig.class);
    }

    private static JobsConfig jobsConfig() {
        return Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", 1, "partitionWorkers", 1,
                "shutdownGraceSeconds", 5));
    }
}
