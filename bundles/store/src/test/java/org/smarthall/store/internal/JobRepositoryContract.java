package org.smarthall.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.store.JobRecord;
import org.smarthall.api.store.PartitionRecord;

/** The same repository behaviour, proved on every database SmartHall supports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobRepositoryContract {
    private DataSource dataSource;
    private DatabaseService database;
    private EntityManagerFactory emf;
    private JobRepositoryImpl repository;

    protected abstract DataSource createDataSource();

    protected void releaseDataSource() {
    }

    @BeforeAll
    void setUp() throws SQLException {
        dataSource = createDataSource();
        database = new DatabaseService(dataSource, StoreFixture.config());
        emf = StoreFixture.entityManagerFactory(dataSource);
        repository = new JobRepositoryImpl(emf, database);
    }

    @AfterAll
    void tearDown() {
        if (emf != null) {
            emf.close();
        }
        releaseDataSource();
    }

    @Test
    void createdJobIsQueuedWithItsParameters() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JobRecord job = repository.create("import", Map.of("dataset", "customers", "file", "/tmp/a b.csv"), "admin", now);

        JobRecord found = repository.find(job.id()).orElseThrow();
        assertEquals("import", found.type());
        assertEquals(JobState.QUEUED, found.state());
        assertEquals(Map.of("dataset", "customers", "file", "/tmp/a b.csv"), found.parameters());
        assertEquals("admin", found.submittedBy());
        assertEquals(now, found.submitted());
        assertNull(found.started());
        assertFalse(found.cancelRequested());
        assertEquals(0, found.partitionsTotal());
    }

    @Test
    void unknownJobIsEmpty() {
        assertTrue(repository.find(987_654_321L).isEmpty());
        assertFalse(repository.requestCancel(987_654_321L));
    }

    @Test
    void planAndPartitionCheckpointsSumIntoProgress() throws SQLException {
        JobRecord job = repository.create("tagging", Map.of(), "analyst", Instant.now());
        database.inTransaction(tx -> {
            repository.savePlan(tx, job.id(), List.of(new Partition("A0-A9", 10), new Partition("B0-B9", 20),
                    new Partition("C0-C9", 30)));
            return null;
        });
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        database.inTransaction(tx -> {
            repository.completePartition(tx, job.id(), 1, 20, Map.of("tagged", 20L, "unknown", 2L), at);
            return null;
        });

        JobRecord found = repository.find(job.id()).orElseThrow();
        assertEquals(60, found.unitsTotal());
        assertEquals(3, found.partitionsTotal());
        assertEquals(20, found.unitsDone());
        assertEquals(1, found.partitionsDone());

        List<PartitionRecord> partitions = repository.partitions(job.id());
        assertEquals(List.of("A0-A9", "B0-B9", "C0-C9"), partitions.stream().map(PartitionRecord::key).toList());
        assertEquals(List.of(false, true, false), partitions.stream().map(PartitionRecord::done).toList());
        assertEquals(Map.of("tagged", 20L, "unknown", 2L), partitions.get(1).counters());
        assertEquals(at, partitions.get(1).finished());
    }

    @Test
    void aPartitionCommitsOnlyOnce() throws SQLException {
        JobRecord job = repository.create("tagging", Map.of(), "analyst", Instant.now());
        database.inTransaction(tx -> {
            repository.savePlan(tx, job.id(), List.of(new Partition("only", 5)));
            return null;
        });
        database.inTransaction(tx -> {
            repository.completePartition(tx, job.id(), 0, 5, Map.of(), Instant.now());
            return null;
        });
        SQLException twice = assertThrows(SQLException.class, () -> database.inTransaction(tx -> {
            repository.completePartition(tx, job.id(), 0, 5, Map.of(), Instant.now());
            return null;
        }));
        assertTrue(twice.getMessage().contains("not pending"), twice.getMessage());
        assertEquals(5, repository.find(job.id()).orElseThrow().unitsDone());
    }

    @Test
    void aRolledBackPartitionLeavesNoCheckpoint() throws SQLException {
        JobRecord job = repository.create("tagging", Map.of(), "analyst", Instant.now());
        database.inTransaction(tx -> {
            repository.savePlan(tx, job.id(), List.of(new Partition("p", 5)));
            return null;
        });
        assertThrows(IllegalStateException.class, () -> database.inTransaction(tx -> {
            repository.completePartition(tx, job.id(), 0, 5, Map.of("rows", 5L), Instant.now());
            throw new IllegalStateException("killed after the checkpoint, before commit");
        }));
        assertFalse(repository.partitions(job.id()).get(0).done());
        assertEquals(0, repository.find(job.id()).orElseThrow().unitsDone());
    }

    @Test
    void stateChangesKeepTheFirstStart() {
        JobRecord job = repository.create("grading", Map.of(), "analyst", Instant.now());
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        repository.updateState(job.id(), JobState.RUNNING, first, null, null);
        repository.updateState(job.id(), JobState.RUNNING, first.plusSeconds(60), null, null);
        Instant end = first.plusSeconds(120);
        repository.updateState(job.id(), JobState.FAILED, null, end, "boom");

        JobRecord found = repository.find(job.id()).orElseThrow();
        assertEquals(JobState.FAILED, found.state());
        assertEquals(first, found.started());
        assertEquals(end, found.finished());
        assertEquals("boom", found.message());
    }

    @Test
    void cancelRequestIsRemembered() {
        JobRecord job = repository.create("grading", Map.of(), "analyst", Instant.now());
        assertTrue(repository.requestCancel(job.id()));
        assertTrue(repository.find(job.id()).orElseThrow().cancelRequested());
    }

    @Test
    void countersAreStored() throws SQLException {
        JobRecord job = repository.create("import", Map.of(), "admin", Instant.now());
        database.inTransaction(tx -> {
            repository.saveCounters(tx, job.id(), Map.of("accepted", 990L, "rejected", 10L));
            return null;
        });
        assertEquals(Map.of("accepted", 990L, "rejected", 10L), repository.find(job.id()).orElseThrow().counters());
    }

    @Test
    void listsNewestFirstWithPagingAndStateFilter() {
        String type = "list-" + System.nanoTime();
        long a = repository.create(type, Map.of(), "u", Instant.now()).id();
        long b = repository.create(type, Map.of(), "u", Instant.now()).id();
        long c = repository.create(type, Map.of(), "u", Instant.now()).id();
        repository.updateState(b, JobState.SUCCEEDED, null, Instant.now(), null);

        List<Long> newest = repository.list(Optional.empty(), 0, 3).stream().map(JobRecord::id).toList();
        assertEquals(List.of(c, b, a), newest);
        assertEquals(List.of(b), repository.list(Optional.of(JobState.SUCCEEDED), 0, 100).stream()
                .filter(j -> j.type().equals(type)).map(JobRecord::id).toList());
        assertEquals(List.of(b), repository.list(Optional.empty(), 1, 1).stream().map(JobRecord::id).toList());
        assertTrue(repository.count(Optional.empty()) >= 3);

        List<Long> resumable = repository.inStates(Set.of(JobState.QUEUED, JobState.RUNNING)).stream()
                .filter(j -> j.type().equals(type)).map(JobRecord::id).toList();
        assertEquals(List.of(a, c), resumable);
    }

    @Test
    void schemaIsAtTheNewestMigration() {
        assertEquals(new SchemaMigrator(getClass().getClassLoader()).migrations().get(
                new SchemaMigrator(getClass().getClassLoader()).migrations().size() - 1).version(),
                database.schemaVersion());
        assertNotNull(database.dialect());
    }
}
