package org.smarthall.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.store.Database;
import org.smarthall.api.store.JobRecord;
import org.smarthall.api.store.JobRepository;
import org.smarthall.api.store.PartitionRecord;
import org.smarthall.store.internal.jpa.JobEntity;
import org.smarthall.store.internal.jpa.PartitionEntity;

/**
 * Jobs through JPA for the day-to-day side (create, find, list, state), and through plain JDBC
 * on the caller's connection for the checkpoints that must commit with a partition's work.
 */
@Component(service = JobRepository.class)
public class JobRepositoryImpl implements JobRepository {
    private final EntityManagerFactory emf;

    /**
     * The {@link Database} reference is there for its guarantee: the schema is migrated before
     * this repository is used.
     */
    @Activate
    public JobRepositoryImpl(@Reference(target = "(osgi.unit.name=smarthall)") EntityManagerFactory emf,
            @Reference Database database) {
        this.emf = emf;
    }

    @Override
    public JobRecord create(String type, Map<String, String> parameters, String submittedBy, Instant submitted) {
        return inTransaction(em -> {
            JobEntity job = new JobEntity(type, parameters, submittedBy, submitted);
            em.persist(job);
            em.flush();
            return toRecord(job, 0, 0);
        });
    }

    @Override
    public Optional<JobRecord> find(long id) {
        return read(em -> Optional.ofNullable(em.find(JobEntity.class, id)).map(job -> withProgress(em, List.of(job)).get(0)));
    }

    @Override
    public List<JobRecord> list(Optional<JobState> state, int offset, int limit) {
        return read(em -> {
            TypedQuery<JobEntity> q = state.isPresent()
                    ? em.createQuery("SELECT j FROM JobEntity j WHERE j.state = :state ORDER BY j.id DESC", JobEntity.class)
                            .setParameter("state", state.get())
                    : em.createQuery("SELECT j FROM JobEntity j ORDER BY j.id DESC", JobEntity.class);
            return withProgress(em, q.setFirstResult(offset).setMaxResults(limit).getResultList());
        });
    }

    @Override
    public long count(Optional<JobState> state) {
        return read(em -> state.isPresent()
                ? em.createQuery("SELECT COUNT(j) FROM JobEntity j WHERE j.state = :state", Long.class)
                        .setParameter("state", state.get()).getSingleResult()
                : em.createQuery("SELECT COUNT(j) FROM JobEntity j", Long.class).getSingleResult());
    }

    @Override
    public List<JobRecord> inStates(Collection<JobState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return read(em -> withProgress(em,
                em.createQuery("SELECT j FROM JobEntity j WHERE j.state IN :states ORDER BY j.id", JobEntity.class)
                        .setParameter("states", List.copyOf(states)).getResultList()));
    }

    @Override
    public void updateState(long id, JobState state, Instant started, Instant finished, String message) {
        inTransaction(em -> {
            JobEntity job = em.find(JobEntity.class, id);
            if (job == null) {
                throw new org.smarthall.api.NotFoundException("job", id);
            }
            job.setState(state);
            if (started != null && job.getStarted() == null) {
                job.setStarted(started);
            }
            if (finished != null) {
                job.setFinished(finished);
            }
            if (message != null) {
                job.setMessage(truncate(message, 2000));
            }
            return null;
        });
    }

    @Override
    public boolean requestCancel(long id) {
        return inTransaction(em -> {
            JobEntity job = em.find(JobEntity.class, id);
            if (job == null) {
                return false;
            }
            job.setCancelRequested(true);
            return true;
        });
    }

    @Override
    public List<PartitionRecord> partitions(long jobId) {
        return read(em -> em.createQuery("SELECT p FROM PartitionEntity p WHERE p.jobId = :job ORDER BY p.index",
                PartitionEntity.class).setParameter("job", jobId).getResultList().stream()
                .map(p -> new PartitionRecord(p.getJobId(), p.getIndex(), p.getKey(), p.getUnits(), p.isDone(),
                        Counters.decode(p.getCounters()), p.getFinished()))
                .toList());
    }

    @Override
    public void savePlan(Connection tx, long jobId, List<Partition> partitions) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO sh_job_partition (job_id, idx, part_key, units) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < partitions.size(); i++) {
                insert.setLong(1, jobId);
                insert.setInt(2, i);
                insert.setString(3, partitions.get(i).key());
                insert.setLong(4, partitions.get(i).units());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE sh_job SET units_total = ?, partitions_total = ? WHERE id = ?")) {
            update.setLong(1, partitions.stream().mapToLong(Partition::units).sum());
            update.setInt(2, partitions.size());
            update.setLong(3, jobId);
            update.executeUpdate();
        }
    }

    @Override
    public void completePartition(Connection tx, long jobId, int index, long unitsDone, Map<String, Long> counters,
            Instant at) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("UPDATE sh_job_partition SET done = 1, units_done = ?,"
                + " counters = ?, finished_at = ? WHERE job_id = ? AND idx = ? AND done = 0")) {
            update.setLong(1, unitsDone);
            update.setString(2, Counters.encode(counters));
            update.setTimestamp(3, Timestamp.from(at));
            update.setLong(4, jobId);
            update.setInt(5, index);
            if (update.executeUpdate() != 1) {
                // committed already, or never planned: either way this transaction must not commit twice
                throw new SQLException("partition " + index + " of job " + jobId + " is not pending");
            }
        }
    }

    @Override
    public void saveCounters(Connection tx, long jobId, Map<String, Long> counters) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("UPDATE sh_job SET counters = ? WHERE id = ?")) {
            update.setString(1, Counters.encode(counters));
            update.setLong(2, jobId);
            update.executeUpdate();
        }
    }

    /** Adds the done units and partitions, summed from the committed partitions. */
    private List<JobRecord> withProgress(EntityManager em, List<JobEntity> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> sums = new HashMap<>();
        List<Object[]> rows = em.createQuery("SELECT p.jobId, SUM(p.unitsDone), COUNT(p) FROM PartitionEntity p"
                + " WHERE p.done = 1 AND p.jobId IN :ids GROUP BY p.jobId", Object[].class)
                .setParameter("ids", jobs.stream().map(JobEntity::getId).toList())
                .getResultList();
        for (Object[] row : rows) {
            sums.put(((Number) row[0]).longValue(), row);
        }
        return jobs.stream().map(job -> {
            Object[] sum = sums.get(job.getId());
            return toRecord(job, sum == null ? 0 : ((Number) sum[1]).longValue(),
                    sum == null ? 0 : ((Number) sum[2]).intValue());
        }).toList();
    }

    private static JobRecord toRecord(JobEntity job, long unitsDone, int partitionsDone) {
        return new JobRecord(job.getId(), job.getType(), job.getState(), job.getParameters(), job.getSubmittedBy(),
                job.getSubmitted(), job.getStarted(), job.getFinished(), job.isCancelRequested(), job.getUnitsTotal(),
                unitsDone, job.getPartitionsTotal(), partitionsDone, Counters.decode(job.getCounters()),
                job.getMessage());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
