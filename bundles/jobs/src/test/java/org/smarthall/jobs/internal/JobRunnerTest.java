package org.smarthall.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobState;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.JobRepositoryImpl;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.TestDatabases;

/** The runner on a real embedded Derby with the real store. */
class JobRunnerTest {
    private EmbeddedDataSource dataSource;
    private EntityManagerFactory emf;
    private DatabaseService database;
    private JobRepositoryImpl repository;
    private JobRunner runner;

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = TestDatabases.derby();
        database = new DatabaseService(dataSource, Annotations.of(StoreConfig.class));
        emf = Persistence.createEntityManagerFactory("smarthall", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        repository = new JobRepositoryImpl(emf, database);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t_squares (job_id BIGINT NOT NULL, i INTEGER NOT NULL, sq BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, i))");
        }
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.deactivate();
        }
        emf.close();
    }

    private JobRunner start(int workers, SquaresHandler... handlers) {
        JobRunner r = new JobRunner(repository, database, JobsConfigs.of(2, workers));
        for (SquaresHandler h : handlers) {
            r.addHandler(h);
        }
        return r;
    }

    @Test
    void runsEveryPartitionOnceAndSumsCounters() {
        runner = start(1, new SquaresHandler("squares"));
        JobInfo job = runner.submit("squares", Map.of("n", "95", "size", "10"), "tester");

        JobInfo done = awaitEnd(job.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals(95, done.counters().get("rows"));
        assertEquals(95, done.counters().get("stored"));
        assertEquals(sumOfSquares(95), done.counters().get("checksum"));
        assertEquals(95, done.progress().done());
        assertEquals(95, done.progress().total());
        assertEquals(10, done.progress().partitionsDone());
        assertEquals(10, done.progress().partitionsTotal());
        assertEquals("tester", done.submittedBy());
    }

    @Test
    void parallelPartitionsGiveTheSameResult() {
        runner = start(4, new SquaresHandler("squares"));
        JobInfo done = awaitEnd(runner.submit("squares", Map.of("n", "1000", "size", "37"), "tester").id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals(1000, done.counters().get("stored"));
        assertEquals(sumOfSquares(1000), done.counters().get("checksum"));
    }

    @Test
    void partitionsOfAHandlerThatDoesNotAllowItRunOneAtATime() {
        SquaresHandler serial = new SquaresHandler("serial-squares");
        serial.parallel = false;
        SquaresHandler parallel = new SquaresHandler("squares");
        runner = start(4, serial, parallel);
        JobInfo one = awaitEnd(runner.submit("serial-squares", Map.of("n", "2000", "size", "50"), "tester").id());
        JobInfo many = awaitEnd(runner.submit("squares", Map.of("n", "2000", "size", "50"), "tester").id());
        assertEquals(JobState.SUCCEEDED, one.state(), one.message());
        assertEquals(JobState.SUCCEEDED, many.state(), many.message());
        assertEquals(sumOfSquares(2000), one.counters().get("checksum"));
        assertEquals(1, serial.maxInFlight.get(), "a handler without parallel partitions runs one at a time");
        assertTrue(parallel.maxInFlight.get() > 1, "4 workers ran partitions at once: " + parallel.maxInFlight.get());
    }

    @Test
    void unknownTypeAndBadParametersAreRefusedBeforeAnythingIsStored() {
        runner = start(1, new SquaresHandler("squares"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> runner.submit("sqaures", Map.of("n", "1"), "tester"));
        assertEquals("type", unknown.violations().get(0).field());
        assertTrue(unknown.getMessage().contains("squares"), "names the known types: " + unknown.getMessage());

        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> runner.submit("squares", Map.of("n", "many"), "tester"));
        assertEquals("n", bad.violations().get(0).field());
        assertEquals(0, runner.count(java.util.Optional.empty()));
    }

    @Test
    void aFailingPartitionFailsTheJobAndKeepsWhatCommitted() throws SQLException {
        SquaresHandler handler = new SquaresHandler("squares");
        handler.failOnPartition = i -> i == 3;
        runner = start(1, handler);
        JobInfo done = awaitEnd(runner.submit("squares", Map.of("n", "50", "size", "10"), "tester").id());

        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.message().contains("partition 3 (30-40)"), done.message());
        assertTrue(done.message().contains("meter data corrupt"), done.message());
        assertEquals(30, rows(done.id()), "partitions 0-2 committed, 3 rolled back, 4 never ran");
        assertEquals(3, done.progress().partitionsDone());
    }

    @Test
    void cancelRollsBackThePartitionUnderWay() throws Exception {
        SquaresHandler handler = new SquaresHandler("squares");
        handler.release = new CountDownLatch(1);
        handler.blockPartition = 2;
        runner = start(1, handler);
        JobInfo job = runner.submit("squares", Map.of("n", "50", "size", "10"), "tester");
        handler.blocked.await();

        runner.cancel(job.id());
        JobInfo done = awaitEnd(job.id());
        assertEquals(JobState.CANCELLED, done.state());
        assertEquals(20, rows(job.id()), "the two committed partitions stay, the third rolled back");
        assertThrows(ConflictException.class, () -> runner.cancel(job.id()));
    }

    @Test
    void aJobInterruptedByShutdownResumesWhereItStoppedWithTheSameResult() throws Exception {
        SquaresHandler first = new SquaresHandler("squares");
        first.release = new CountDownLatch(1);
        first.blockPartition = 4;
        JobRunner before = start(1, first);
        JobInfo job = before.submit("squares", Map.of("n", "100", "size", "10"), "tester");
        first.blocked.await();
        before.deactivate(); // the node stops with partition 4 open

        assertEquals(JobState.RUNNING, repository.find(job.id()).orElseThrow().state());
        assertEquals(40, rows(job.id()), "partition 4's rows were rolled back");

        runner = start(1, new SquaresHandler("squares"));
        runner.activate(JobsConfigs.of(2, 1)); // a restart resumes what was running
        JobInfo done = awaitEnd(job.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals(100, done.counters().get("stored"));
        assertEquals(100, done.counters().get("rows"), "no partition counted twice");
        assertEquals(sumOfSquares(100), done.counters().get("checksum"));
    }

    @Test
    void aJobWaitsForItsHandlerAndRunsWhenItComes() {
        runner = start(1, new SquaresHandler("squares"));
        JobInfo job = runner.submit("squares", Map.of("n", "20"), "tester");
        awaitEnd(job.id());
        SquaresHandler gone = new SquaresHandler("later");
        runner.addHandler(gone);
        JobInfo waiting = runner.submit("later", Map.of("n", "20"), "tester");
        runner.removeHandler(gone);
        await(() -> runner.find(waiting.id()).orElseThrow().state() == JobState.WAITING
                || runner.find(waiting.id()).orElseThrow().state() == JobState.SUCCEEDED);
        if (runner.find(waiting.id()).orElseThrow().state() == JobState.WAITING) {
            runner.addHandler(new SquaresHandler("later"));
        }
        JobInfo done = awaitEnd(waiting.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals(20, done.counters().get("stored"));
        assertEquals(org.smarthall.api.platform.HealthCheck.Status.UP, runner.check().status());
    }

    @Test
    void aJobWaitingForItsHandlerDegradesHealth() {
        runner = start(1);
        assertEquals(org.smarthall.api.platform.HealthCheck.Status.UP, runner.check().status());
        // a job left by a type whose bundle is no longer installed: resumed at the next start, it waits
        long orphan = repository.create("gone-type", Map.of(), "tester", java.time.Instant.now()).id();
        runner.deactivate();
        runner = start(1);
        await(() -> runner.find(orphan).orElseThrow().state() == JobState.WAITING);
        assertEquals(org.smarthall.api.platform.HealthCheck.Status.DEGRADED, runner.check().status());
        assertTrue(runner.check().detail().contains("1 waiting"), runner.check().detail());
    }

    @Test
    void progressOfAFinishedJobHasNoEta() {
        runner = start(1, new SquaresHandler("squares"));
        JobInfo done = awaitEnd(runner.submit("squares", Map.of("n", "10"), "tester").id());
        assertNull(done.progress().etaSeconds());
        assertEquals(1.0, done.progress().fraction());
    }

    private JobInfo awaitEnd(long id) {
        await(() -> runner.find(id).orElseThrow().state().terminal());
        return runner.find(id).orElseThrow();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long rows(long jobId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t_squares WHERE job_id = " + jobId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sumOfSquares(long n) {
        return (n - 1) * n * (2 * n - 1) / 6;
    }
}
