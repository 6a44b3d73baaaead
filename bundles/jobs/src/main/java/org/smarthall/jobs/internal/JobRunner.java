package org.smarthall.jobs.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.event.EventProperties;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.jobs.JobHandler;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobProgress;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.store.Database;
import org.smarthall.api.store.JobRecord;
import org.smarthall.api.store.JobRepository;
import org.smarthall.api.store.PartitionRecord;

/**
 * Runs jobs. Each partition's work and its checkpoint commit in one transaction; a job stopped
 * by a crash, a shutdown or a missing handler resumes at its first uncommitted partition.
 */
@Component(service = {JobService.class, HealthCheck.class}, configurationPid = "org.smarthall.jobs",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JobsConfig.class)
public class JobRunner implements JobService, HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final Set<JobState> RESUMABLE = EnumSet.of(JobState.QUEUED, JobState.RUNNING, JobState.WAITING);

    @Reference
    private JobRepository repository;
    @Reference
    private Database database;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Map<Long, RunningJob> running = new ConcurrentHashMap<>();
    /** Jobs queued or running on this node, and those asked to run again once they finish. */
    private final Set<Long> scheduled = new java.util.HashSet<>();
    private final Set<Long> rerun = new java.util.HashSet<>();
    private volatile ExecutorService jobThreads;
    private volatile ExecutorService partitionThreads;
    private volatile int partitionWorkers = 1;
    private volatile int shutdownGraceSeconds = 10;

    public JobRunner() {
    }

    /** For tests and tools outside OSGi: a runner on given collaborators, activated. */
    public JobRunner(JobRepository repository, Database database, JobsConfig config) {
        this.repository = repository;
        this.database = database;
        activate(config);
    }

    @Activate
    public void activate(JobsConfig config) {
        this.partitionWorkers = Math.max(1, config.partitionWorkers());
        this.shutdownGraceSeconds = Math.max(1, config.shutdownGraceSeconds());
        this.jobThreads = Executors.newFixedThreadPool(Math.max(1, config.maxConcurrentJobs()), threads("smarthall-job"));
        this.partitionThreads = Executors.newCachedThreadPool(threads("smarthall-job-partition"));
        for (JobRecord job : repository.inStates(RESUMABLE)) {
            LOG.info("Resuming job {} ({}) from {}", job.id(), job.type(), job.state());
            schedule(job.id());
        }
    }

    @Deactivate
    public void deactivate() {
        running.values().forEach(job -> job.stop(StopReason.SHUTDOWN));
        ExecutorService jobs = jobThreads;
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(shutdownGraceSeconds, TimeUnit.SECONDS)) {
                LOG.warn("Jobs still running after {} s; interrupting them (their open partitions roll back)",
                        shutdownGraceSeconds);
                jobs.shutdownNow();
            }
        } catch (InterruptedException e) {
            jobs.shutdownNow();
            Thread.currentThread().interrupt();
        }
        partitionThreads.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addHandler(JobHandler handler) {
        handlers.put(handler.type(), handler);
        if (jobThreads != null && !jobThreads.isShutdown()) {
            // not only WAITING: a run that has just found no handler may not have said so yet
            for (JobRecord job : repository.inStates(RESUMABLE)) {
                if (job.type().equals(handler.type())) {
                    schedule(job.id());
                }
            }
        }
    }

    public void removeHandler(JobHandler handler) {
        handlers.remove(handler.type(), handler);
        running.values().stream().filter(job -> job.type.equals(handler.type()))
                .forEach(job -> job.stop(StopReason.HANDLER_GONE));
    }

    @Override
    public JobInfo submit(String type, Map<String, String> parameters, String submittedBy) {
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("type", "a job type is required; known types: " + types());
        }
        JobHandler handler = handlers.get(type);
        if (handler == null) {
            throw new InvalidInputException("type", "unknown job type '" + type + "'; known types: " + types());
        }
        Map<String, String> params = parameters == null ? Map.of() : parameters;
        handler.validate(params);
        JobRecord job = repository.create(type, params, submittedBy, Instant.now());
        LOG.info("Job {} ({}) submitted by {}", job.id(), type, submittedBy);
        schedule(job.id());
        return toInfo(job);
    }

    @Override
    public Optional<JobInfo> find(long id) {
        return repository.find(id).map(this::toInfo);
    }

    @Override
    public List<JobInfo> list(Optional<JobState> state, int offset, int limit) {
        return repository.list(state, offset, limit).stream().map(this::toInfo).toList();
    }

    @Override
    public long count(Optional<JobState> state) {
        return repository.count(state);
    }

    @Override
    public JobInfo cancel(long id) {
        JobRecord job = repository.find(id).orElseThrow(() -> new NotFoundException("job", id));
        if (job.state().terminal()) {
            throw new ConflictException("job " + id + " has already ended: " + job.state());
        }
        repository.requestCancel(id);
        RunningJob live = running.get(id);
        if (live != null) {
            live.stop(StopReason.CANCEL);
        } else if (!isScheduled(id)) {
            // waiting for a handler: nothing runs it, so end it here
            end(id, job.type(), JobState.CANCELLED, "cancelled before it ran");
        }
        return find(id).orElseThrow();
    }

    private boolean isScheduled(long id) {
        synchronized (scheduled) {
            return scheduled.contains(id);
        }
    }

    @Override
    public Set<String> types() {
        return new TreeSet<>(handlers.keySet());
    }

    @Override
    public String name() {
        return "jobs";
    }

    /** Degraded while a job waits for a handler: a plugin it needs is not installed or not working. */
    @Override
    public Result check() {
        long waiting = repository.count(Optional.of(JobState.WAITING));
        String now = running.size() + " running";
        return waiting == 0 ? Result.up(now)
                : new Result(Status.DEGRADED, now + ", " + waiting + " waiting for a job type that is not installed");
    }

    /**
     * Queues a job on this node. A job already queued or running is run once more after it ends:
     * a handler may have arrived just after the run found none, and that wake-up must not be lost.
     */
    private void schedule(long id) {
        synchronized (scheduled) {
            if (!scheduled.add(id)) {
                rerun.add(id);
                return;
            }
        }
        try {
            jobThreads.execute(() -> {
                try {
                    run(id);
                } catch (RuntimeException | Error e) {
                    LOG.error("Job {} broke the runner", id, e);
                } finally {
                    running.remove(id);
                    boolean again;
                    synchronized (scheduled) {
                        scheduled.remove(id);
                        again = rerun.remove(id);
                    }
                    if (again && !jobThreads.isShutdown()) {
                        schedule(id);
                    }
                }
            });
        } catch (RuntimeException rejected) {
            synchronized (scheduled) {
                scheduled.remove(id);
                rerun.remove(id);
            }
            LOG.info("Job {} not scheduled, the runner is stopping; it resumes at the next start", id);
        }
    }

    private void run(long id) {
        JobRecord job = repository.find(id).orElse(null);
        if (job == null || job.state().terminal()) {
            return;
        }
        if (job.cancelRequested()) {
            end(id, job.type(), JobState.CANCELLED, "cancelled before it ran");
            return;
        }
        JobHandler handler = handlers.get(job.type());
        if (handler == null) {
            if (job.state() != JobState.WAITING) {
                repository.updateState(id, JobState.WAITING, null, null, "no handler for job type '" + job.type() + "'");
                publish(id, job.type(), JobState.WAITING);
            }
            return;
        }
        RunningJob live = new RunningJob(id, job.type(),
                new LiveProgress(job.unitsDone(), job.partitionsDone(), job.unitsTotal(), job.partitionsTotal()));
        running.put(id, live);
        repository.updateState(id, JobState.RUNNING, Instant.now(), null, null);
        publish(id, job.type(), JobState.RUNNING);
        try {
            List<PartitionRecord> partitions = repository.partitions(id);
            if (partitions.isEmpty() && job.partitionsTotal() == 0) {
                partitions = plan(live, handler, job);
            }
            if (!live.stopping()) {
                runPartitions(live, handler, job, partitions);
            }
            if (!live.stopping()) {
                finish(live, handler, job);
                end(id, job.type(), JobState.SUCCEEDED, null);
                return;
            }
        } catch (Exception e) {
            live.failed("plan/finish", e);
            LOG.error("Job {} ({}) failed", id, job.type(), e);
        }
        switch (live.stopReason()) {
            case CANCEL -> end(id, job.type(), JobState.CANCELLED, "cancelled");
            case FAILURE -> end(id, job.type(), JobState.FAILED, live.failureMessage());
            case HANDLER_GONE -> {
                repository.updateState(id, JobState.WAITING, null, null, "handler for '" + job.type() + "' went away");
                publish(id, job.type(), JobState.WAITING);
            }
            case SHUTDOWN -> LOG.info("Job {} ({}) interrupted by shutdown; it resumes at the next start", id, job.type());
        }
    }

    private List<PartitionRecord> plan(RunningJob live, JobHandler handler, JobRecord job) throws Exception {
        List<Partition> plan = transaction(tx -> {
            List<Partition> partitions = handler.plan(new Contexts.Job(live, job.parameters(), tx));
            repository.savePlan(tx, job.id(), partitions);
            return partitions;
        });
        live.progress.planned(plan.stream().mapToLong(Partition::units).sum(), plan.size());
        LOG.info("Job {} ({}) planned: {} partitions", job.id(), job.type(), plan.size());
        return repository.partitions(job.id());
    }

    private void runPartitions(RunningJob live, JobHandler handler, JobRecord job, List<PartitionRecord> partitions)
            throws InterruptedException {
        Queue<PartitionRecord> pending = new ConcurrentLinkedQueue<>();
        partitions.stream().filter(p -> !p.done()).forEach(pending::add);
        int workers = handler.parallelPartitions() ? Math.min(partitionWorkers, pending.size()) : 1;
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            helpers.add(partitionThreads.submit(() -> drain(live, handler, job, pending)));
        }
        drain(live, handler, job, pending);
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (java.util.concurrent.ExecutionException e) {
                live.failed("worker", e.getCause());
            }
        }
    }

    private void drain(RunningJob live, JobHandler handler, JobRecord job, Queue<PartitionRecord> pending) {
        PartitionRecord p;
        while (!live.stopping() && (p = pending.poll()) != null) {
            runPartition(live, handler, job, p);
        }
    }

    private void runPartition(RunningJob live, JobHandler handler, JobRecord job, PartitionRecord p) {
        Partition partition = new Partition(p.key(), p.units());
        Contexts.PartitionWork[] work = new Contexts.PartitionWork[1];
        try {
            transaction(tx -> {
                work[0] = new Contexts.PartitionWork(live, job.parameters(), tx, p.index(), partition);
                handler.run(work[0]);
                if (live.stopping()) {
                    throw new RolledBack();
                }
                repository.completePartition(tx, job.id(), p.index(), p.units(), work[0].counters(), Instant.now());
                return null;
            });
            live.progress.committed(p.units(), work[0].workedUnits());
        } catch (RolledBack stopped) {
            live.progress.rolledBack(work[0].workedUnits());
        } catch (Exception e) {
            if (work[0] != null) {
                live.progress.rolledBack(work[0].workedUnits());
            }
            if (live.stopping() && live.stopReason() != StopReason.FAILURE) {
                // the handler gave up because it was asked to stop: that is not a failure
                LOG.debug("Partition {} of job {} stopped: {}", p.index(), job.id(), e.toString());
                return;
            }
            LOG.error("Partition {} ({}) of job {} failed", p.index(), p.key(), job.id(), e);
            live.failed(p.index() + " (" + p.key() + ")", e);
        }
    }

    private void finish(RunningJob live, JobHandler handler, JobRecord job) throws Exception {
        Map<String, Long> counters = new TreeMap<>();
        for (PartitionRecord p : repository.partitions(job.id())) {
            p.counters().forEach((name, value) -> counters.merge(name, value, Long::sum));
        }
        transaction(tx -> {
            Map<String, Long> all = new TreeMap<>(counters);
            all.putAll(handler.finish(new Contexts.Job(live, job.parameters(), tx), Map.copyOf(counters)));
            repository.saveCounters(tx, job.id(), all);
            return null;
        });
    }

    private void end(long id, String type, JobState state, String message) {
        repository.updateState(id, state, null, Instant.now(), message);
        LOG.info("Job {} ({}) {}{}", id, type, state, message == null ? "" : ": " + message);
        publish(id, type, state);
    }

    private void publish(long id, String type, JobState state) {
        EventAdmin admin = events;
        if (admin != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(EventProperties.JOB_ID, id);
            props.put(EventProperties.JOB_TYPE, type);
            props.put(EventProperties.STATE, state.name());
            props.put(EventProperties.TIMESTAMP, System.currentTimeMillis());
            admin.postEvent(new Event(HallTopics.JOB_STATE_CHANGED, props));
        }
    }

    private JobInfo toInfo(JobRecord job) {
        RunningJob live = running.get(job.id());
        JobProgress progress = live != null ? live.progress.snapshot() : storedProgress(job);
        return new JobInfo(job.id(), job.type(), job.state(), job.parameters(), job.submittedBy(), job.submitted(),
                job.started(), job.finished(), progress, job.counters(), job.message());
    }

    private static JobProgress storedProgress(JobRecord job) {
        double rate = 0;
        if (job.started() != null && job.finished() != null) {
            double seconds = Duration.between(job.started(), job.finished()).toMillis() / 1000.0;
            rate = seconds > 0 ? job.unitsDone() / seconds : 0;
        }
        return new JobProgress(job.unitsDone(), job.unitsTotal(), job.partitionsDone(), job.partitionsTotal(), rate,
                null);
    }

    /** Runs handler code in one transaction, letting its checked exceptions through. */
    private <T> T transaction(HandlerWork<T> work) throws Exception {
        try {
            return database.inTransaction(tx -> {
                try {
                    return work.run(tx);
                } catch (SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Wrapped(e);
                }
            });
        } catch (Wrapped w) {
            throw (Exception) w.getCause();
        }
    }

    @FunctionalInterface
    private interface HandlerWork<T> {
        T run(java.sql.Connection tx) throws Exception;
    }

    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Wrapped(Exception cause) {
            super(cause);
        }
    }

    /** Thrown inside a partition's transaction to roll it back because the job is stopping. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("job stopping", null, false, false);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
