package org.smarthall.grading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.ConflictException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.CustomerGrade;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.GradeCount;
import org.smarthall.api.grading.GradingException;
import org.smarthall.api.grading.GradingModel;
import org.smarthall.api.grading.GradingRun;
import org.smarthall.api.grading.Population;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobState;
import org.smarthall.jobs.internal.JobRunner;
import org.smarthall.jobs.internal.JobsConfig;
import org.smarthall.store.internal.CustomerSnapshotReader;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.JobRepositoryImpl;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;

/**
 * The grading engine on the real store and job runner: a run fits once on the population of the
 * model's kinds and keeps what it fitted beside the grades; a model that refuses to fit fails the
 * run with its reason; a resumed run goes on only with the same fit; a newer version of a model
 * takes over. Runs on Derby and on PostgreSQL.
 */
abstract class GradingContract {
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 15);

    private EntityManagerFactory emf;
    private DatabaseService database;
    private JobRepositoryImpl repository;
    private JobRunner runner;
    private ActiveModels models;
    private GradingEngine engine;

    protected abstract DataSource dataSource(String name);

    @BeforeEach
    void setUp() throws SQLException {
        DataSource dataSource = dataSource("grading_" + Long.toHexString(System.nanoTime()));
        database = new DatabaseService(dataSource, Annotations.of(StoreConfig.class));
        emf = Persistence.createEntityManagerFactory("smarthall", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        repository = new JobRepositoryImpl(emf, database);
        models = new ActiveModels();
        models.add(new ActiveModels.Binding("trips", "1.0.0", new TripsModel(1), 0, 1));
        start();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            baseData(c);
        }
    }

    private void start() {
        runner = new JobRunner(repository, database, Annotations.of(JobsConfig.class,
                Map.of("maxConcurrentJobs", 2, "partitionWorkers", 2, "shutdownGraceSeconds", 1)));
        engine = new GradingEngine(database, new CustomerSnapshotReader(), models, runner,
                Annotations.of(GradingConfig.class, Map.of("partitionSize", 4)));
        runner.addHandler(engine);
    }

    @AfterEach
    void tearDown() {
        runner.deactivate();
        emf.close();
    }

    @Test
    void aRunFitsOnTheModelsCustomersAndKeepsWhatItFittedBesideTheGrades() {
        GradingRun run = await(engine.start("trips", AS_OF, "tester"));
        assertEquals(JobState.SUCCEEDED, run.job().state(), run.job().message());
        assertEquals(10, run.population(), "the 10 prepaid customers, not the 5 residents");
        assertEquals("1.0.0", run.modelVersion());
        assertEquals(Map.of("threshold", 1, "trips", 13), run.parameters(), "trips before the window left out");
        assertEquals(Map.of("share.frequent", 0.4), run.quality());
        assertEquals(10, run.job().counters().get("customers"));

        // P00 .. P09 tripped i % 4 times: 0, 1, 2, 3, 0, 1, 2, 3, 0, 1
        assertEquals(Map.of("none", 3L, "one", 3L, "many", 4L), byGrade(engine.distribution("trips")));
        List<CustomerGrade> p03 = engine.of("P03");
        assertEquals(1, p03.size());
        assertEquals(new CustomerGrade("P03", "trips", "1.0.0", "many", 3.0, "3 trips", run.id(), p03.get(0).gradedAt()),
                p03.get(0));
        assertTrue(engine.of("R00").isEmpty(), "residents are not this model's");
        List<CustomerGrade> ranked = engine.ranking("trips", null, 0, 3);
        assertEquals(List.of("P03", "P07", "P02"), ranked.stream().map(CustomerGrade::account).toList(),
                "highest score first, then by account");
        assertEquals(List.of("P01", "P05"), engine.ranking("trips", "one", 0, 2).stream().map(CustomerGrade::account).toList());
    }

    @Test
    void aModelThatRefusesToFitFailsTheRunWithItsReason() {
        models.add(new ActiveModels.Binding("picky", "1.0.0", new RefusingModel(), 0, 2));
        GradingRun run = await(engine.start("picky", AS_OF, "tester"));
        assertEquals(JobState.FAILED, run.job().state());
        assertTrue(run.job().message().contains("pairwise comparison matrix is inconsistent: CR = 0.143 > 0.10"),
                run.job().message());
        assertTrue(engine.distribution("picky").isEmpty());
    }

    @Test
    void unknownModelsAndOverlappingRunsAreRefused() throws Exception {
        assertThrows(NotFoundException.class, () -> engine.start("nonesuch", AS_OF, "tester"));
        SlowModel slow = new SlowModel();
        models.add(new ActiveModels.Binding("slow", "1.0.0", slow, 0, 3));
        GradingRun first = engine.start("slow", AS_OF, "tester");
        assertTrue(slow.fitting.await(30, TimeUnit.SECONDS));
        assertThrows(ConflictException.class, () -> engine.start("slow", AS_OF, "tester"));
        GradingRun other = await(engine.start("trips", AS_OF, "tester"));
        assertEquals(JobState.SUCCEEDED, other.job().state(), "another model may run meanwhile");
        slow.release.countDown();
        assertEquals(JobState.SUCCEEDED, await(first).job().state());
    }

    @Test
    void aResumedRunGoesOnOnlyWithTheSameFit() throws Exception {
        BlockingTrips blocking = new BlockingTrips();
        models.add(new ActiveModels.Binding("trips", "1.0.1", blocking, 0, 4));
        GradingRun run = engine.start("trips", AS_OF, "tester");
        assertTrue(blocking.grading.await(30, TimeUnit.SECONDS));
        runner.deactivate(); // the node stops with partitions under way
        blocking.release.countDown();
        start();
        runner.activate(Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", 2, "partitionWorkers", 2)));
        GradingRun resumed = await(run);
        assertEquals(JobState.SUCCEEDED, resumed.job().state(), resumed.job().message());
        assertEquals(10, resumed.job().counters().get("customers"), "no partition counted twice");
        assertEquals(Map.of("none", 3L, "one", 3L, "many", 4L), byGrade(engine.distribution("trips")));

        // a model that fits differently each time cannot resume: its grades would mix two fits
        UnstableModel unstable = new UnstableModel();
        models.add(new ActiveModels.Binding("unstable", "1.0.0", unstable, 0, 5));
        GradingRun second = engine.start("unstable", AS_OF, "tester");
        assertTrue(unstable.grading.await(30, TimeUnit.SECONDS));
        runner.deactivate();
        unstable.release.countDown();
        start();
        runner.activate(Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", 2, "partitionWorkers", 2)));
        GradingRun failed = await(second);
        assertEquals(JobState.FAILED, failed.job().state());
        assertTrue(failed.job().message().contains("fitted differently on resume"), failed.job().message());
    }

    @Test
    void aNewerVersionOfAModelTakesOverAndItsGradesSaySo() {
        await(engine.start("trips", AS_OF, "tester"));
        models.add(new ActiveModels.Binding("trips", "1.1.0", new TripsModel(2), 0, 6));
        GradingRun run = await(engine.start("trips", AS_OF, "tester"));
        assertEquals("1.1.0", run.modelVersion());
        assertEquals(Map.of("threshold", 2, "trips", 13), run.parameters());
        assertEquals("1.1.0", engine.of("P01").get(0).modelVersion());
        assertEquals(Map.of("none", 6L, "many", 4L), byGrade(engine.distribution("trips")),
                "from 2 trips a customer is 'many', below it 'none'");
        models.remove(6);
        assertEquals("1.0.0", models.get("trips").orElseThrow().version());
    }

    // ------------------------------------------------------------------ helpers

    private GradingRun await(GradingRun run) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JobInfo job = runner.find(run.id()).orElseThrow();
            if (job.state().terminal()) {
                return engine.find(run.model(), run.id()).orElseThrow();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + run.id() + " did not end");
    }

    private static Map<String, Long> byGrade(List<GradeCount> counts) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach(c -> m.merge(c.grade(), c.customers(), Long::sum));
        return m;
    }

    /** Prepaid P00..P09 with i % 4 trips in the window (and one outside it each), residents R00..R04. */
    private static void baseData(Connection c) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement customer = c.prepareStatement("INSERT INTO sh_customer (account, kind, name, region,"
                + " supply_unit, batch_id, updated_at) VALUES (?, ?, ?, '370102', 'Lixia', 1, ?)");
                PreparedStatement trip = c.prepareStatement(
                        "INSERT INTO sh_trip (account, occurred_at, balance, batch_id) VALUES (?, ?, 9.50, 1)")) {
            for (int i = 0; i < 10; i++) {
                String account = String.format("P%02d", i);
                customer.setString(1, account);
                customer.setString(2, CustomerKind.PREPAID_RESIDENT.name());
                customer.setString(3, "Prepaid " + i);
                customer.setTimestamp(4, now);
                customer.addBatch();
                for (int t = 0; t < i % 4; t++) {
                    trip.setString(1, account);
                    trip.setTimestamp(2, Timestamp.from(Instant.parse("2026-02-01T00:00:00Z").plusSeconds(86_400L * (t * 7 + i))));
                    trip.addBatch();
                }
                trip.setString(1, account);
                trip.setTimestamp(2, Timestamp.from(Instant.parse("2025-05-01T00:00:00Z").plusSeconds(i)));
                trip.addBatch();
            }
            for (int i = 0; i < 5; i++) {
                customer.setString(1, String.format("R%02d", i));
                customer.setString(2, CustomerKind.RESIDENT.name());
                customer.setString(3, "Resident " + i);
                customer.setTimestamp(4, now);
                customer.addBatch();
            }
            customer.executeBatch();
            trip.executeBatch();
        }
    }

    // ------------------------------------------------------------------ test models

    /** Counts trips: none, one, many from a threshold; fits the total as a parameter. */
    static class TripsModel implements GradingModel {
        private final int threshold;

        TripsModel(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public String id() {
            return "trips";
        }

        @Override
        public Set<CustomerKind> kinds() {
            return EnumSet.of(CustomerKind.PREPAID_RESIDENT);
        }

        @Override
        public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
            AtomicInteger trips = new AtomicInteger();
            AtomicInteger many = new AtomicInteger();
            population.forEach(s -> {
                trips.addAndGet(s.trips().size());
                many.addAndGet(s.trips().size() >= 2 ? 1 : 0);
            });
            double share = (double) many.get() / population.size();
            return new FittedModel() {
                @Override
                public Map<String, Object> parameters() {
                    return new TreeMap<>(Map.of("threshold", threshold, "trips", trips.get()));
                }

                @Override
                public Map<String, Double> quality() {
                    return Map.of("share.frequent", share);
                }

                @Override
                public Grade grade(CustomerSnapshot customer) {
                    return grade(customer.trips().size());
                }

                Grade grade(int n) {
                    String g = n >= Math.max(threshold, 2) ? "many" : n >= threshold ? "one" : "none";
                    return new Grade(g, n, n + " trips");
                }
            };
        }
    }

    static final class RefusingModel extends TripsModel {
        RefusingModel() {
            super(1);
        }

        @Override
        public String id() {
            return "picky";
        }

        @Override
        public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
            throw new GradingException("pairwise comparison matrix is inconsistent: CR = 0.143 > 0.10");
        }
    }

    static final class SlowModel extends TripsModel {
        final CountDownLatch fitting = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        SlowModel() {
            super(1);
        }

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
            fitting.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.fit(population, asOf);
        }
    }

    /** Waits while grading P05 until released. */
    static class BlockingTrips extends TripsModel {
        final CountDownLatch grading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        BlockingTrips() {
            super(1);
        }

        @Override
        public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
            FittedModel fit = super.fit(population, asOf);
            return new FittedModel() {
                @Override
                public Map<String, Object> parameters() {
                    return fit.parameters();
                }

                @Override
                public Map<String, Double> quality() {
                    return fit.quality();
                }

                @Override
                public Grade grade(CustomerSnapshot customer) {
                    if (customer.account().equals("P05")) {
                        grading.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return fit.grade(customer);
                }
            };
        }
    }

    /** Fits a different "seed" every time. */
    static final class UnstableModel extends BlockingTrips {
        private final AtomicInteger fits = new AtomicInteger();

        @Override
        public String id() {
            return "unstable";
        }

        @Override
        public FittedModel fit(Population population, LocalDate asOf) throws GradingException {
            FittedModel fit = super.fit(population, asOf);
            int seed = fits.incrementAndGet();
            return new FittedModel() {
                @Override
                public Map<String, Object> parameters() {
                    return Map.of("seed", seed);
                }

                @Override
                public Map<String, Double> quality() {
                    return fit.quality();
                }

                @Override
                public Grade grade(CustomerSnapshot customer) {
                    return fit.grade(customer);
                }
            };
        }
    }
}
