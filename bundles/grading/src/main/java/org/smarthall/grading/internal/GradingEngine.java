package org.smarthall.grading.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerSnapshots;
import org.smarthall.api.customer.CustomerSnapshots.AccountRange;
import org.smarthall.api.grading.CustomerGrade;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.GradeCount;
import org.smarthall.api.grading.GradeResults;
import org.smarthall.api.grading.GradingException;
import org.smarthall.api.grading.GradingRun;
import org.smarthall.api.grading.GradingRuns;
import org.smarthall.api.jobs.JobContext;
import org.smarthall.api.jobs.JobHandler;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.jobs.PartitionContext;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.api.store.Database;

/**
 * Runs grading models. A run is a job of type {@value GradingRun#JOB_TYPE}: planning fits the
 * model on the population of its customer kinds (streamed from the store) and stores what it
 * fitted and how good it is; each partition then grades an account range and replaces those
 * customers' grades in its own transaction. A run resumed after a crash fits the model again and
 * goes on only if the fit is the same as the stored one: models are seeded and reproducible.
 */
@Component(service = {GradingEngine.class, GradingRuns.class, GradeResults.class, JobHandler.class},
        configurationPid = "org.smarthall.grading", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = JobHandler.PROPERTY_TYPE + "=" + GradingRun.JOB_TYPE)
@SmartHallPlugin(kind = PluginKind.JOB_TYPE, id = GradingRun.JOB_TYPE)
@Designate(ocd = GradingConfig.class)
public class GradingEngine implements JobHandler, GradingRuns, GradeResults {
    private static final Logger LOG = LoggerFactory.getLogger(GradingEngine.class);

    private final Database database;
    private final CustomerSnapshots snapshots;
    private final ActiveModels models;
    private final JobService jobs;
    private volatile GradingConfig config;
    /** Fitted models of runs under way on this node, by run. */
    private final Map<Long, FittedModel> fitted = new ConcurrentHashMap<>();

    @Activate
    public GradingEngine(@Reference Database database, @Reference CustomerSnapshots snapshots,
            @Reference ActiveModels models, @Reference JobService jobs, GradingConfig config) {
        this.database = database;
        this.snapshots = snapshots;
        this.models = models;
        this.jobs = jobs;
        this.config = config;
    }

    @Modified
    void modified(GradingConfig changed) {
        this.config = changed;
    }

    // ------------------------------------------------------------------ runs

    @Override
    public GradingRun start(String model, LocalDate asOf, String user) {
        if (models.get(model).isEmpty()) {
            throw new NotFoundException("grading model", model);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", model);
        parameters.put("asOf", (asOf == null ? LocalDate.now(Codes.TIME_ZONE) : asOf).toString());
        validate(parameters);
        for (JobState state : List.of(JobState.QUEUED, JobState.RUNNING, JobState.WAITING)) {
            for (JobInfo job : jobs.list(Optional.of(state), 0, 1000)) {
                if (GradingRun.JOB_TYPE.equals(job.type()) && model.equals(job.parameters().get("model"))) {
                    throw new ConflictException("grading run " + job.id() + " of " + model + " is under way");
                }
            }
        }
        return toRun(jobs.submit(GradingRun.JOB_TYPE, parameters, user), null);
    }

    @Override
    public Optional<GradingRun> find(String model, long id) {
        return jobs.find(id).filter(j -> GradingRun.JOB_TYPE.equals(j.type()) && model.equals(j.parameters().get("model")))
                .map(j -> toRun(j, read(c -> GradeStore.run(c, id)).orElse(null)));
    }

    @Override
    public List<GradingRun> list(String model, int offset, int limit) {
        List<GradingRun> runs = new ArrayList<>();
        for (GradeStore.RunRow row : read(c -> GradeStore.runs(c, model, offset, limit))) {
            jobs.find(row.id()).ifPresent(job -> runs.add(toRun(job, row)));
        }
        return runs;
    }

    private static GradingRun toRun(JobInfo job, GradeStore.RunRow row) {
        Map<String, String> p = job.parameters();
        return row == null
                ? new GradingRun(job.id(), p.get("model"), null, LocalDate.parse(p.get("asOf")), Map.of(), Map.of(), 0, job)
                : new GradingRun(job.id(), row.model(), row.modelVersion(), row.asOf(), row.parameterMap(),
                        row.qualityMap(), row.population(), job);
    }

    // ------------------------------------------------------------------ job

    @Override
    public String type() {
        return GradingRun.JOB_TYPE;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        String model = parameters.get("model");
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("model", "is required");
        }
        try {
            LocalDate asOf = LocalDate.parse(parameters.getOrDefault("asOf", ""));
            if (asOf.isAfter(LocalDate.now(Codes.TIME_ZONE).plusDays(1))) {
                throw new InvalidInputException("asOf", "must not be in the future");
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "must be a date like 2026-06-30");
        }
    }

    @Override
    public boolean parallelPartitions() {
        return true; // partitions replace the grades of disjoint account ranges
    }

    @Override
    public List<Partition> plan(JobContext job) throws Exception {
        Connection c = job.connection();
        String id = job.parameters().get("model");
        LocalDate asOf = LocalDate.parse(job.parameters().get("asOf"));
        ActiveModels.Binding model = models.get(id)
                .orElseThrow(() -> new IllegalStateException("grading model " + id + " is not installed"));
        SnapshotPopulation population = new SnapshotPopulation(c, snapshots, model.model().kinds(), asOf,
                config.months(), config.partitionSize());
        long started = System.nanoTime();
        FittedModel fit = fit(model, population, asOf);
        GradeStore.RunRow run = new GradeStore.RunRow(job.jobId(), id, model.version(), asOf,
                GradeStore.json(fit.parameters()), GradeStore.json(fit.quality()), population.size(), Instant.now());
        GradeStore.insertRun(c, run);
        fitted.put(job.jobId(), fit);
        LOG.info("Grading run {}: {}@{} fitted on {} customers in {} ms, quality {}", job.jobId(), id, model.version(),
                population.size(), (System.nanoTime() - started) / 1_000_000, fit.quality());
        List<Partition> partitions = new ArrayList<>();
        for (AccountRange range : population.ranges()) {
            partitions.add(new Partition(range.key(), config.partitionSize()));
        }
        return partitions;
    }

    private static FittedModel fit(ActiveModels.Binding model, SnapshotPopulation population, LocalDate asOf) {
        try {
            return model.model().fit(population, asOf);
        } catch (GradingException e) {
            throw new IllegalStateException(model.id() + " refused to fit: " + e.getMessage(), e);
        }
    }

    @Override
    public void run(PartitionContext ctx) throws Exception {
        Connection c = ctx.connection();
        GradeStore.RunRow run = GradeStore.run(c, ctx.jobId())
                .orElseThrow(() -> new IllegalStateException("grading run " + ctx.jobId() + " not stored"));
        ActiveModels.Binding model = models.get(run.model())
                .orElseThrow(() -> new IllegalStateException("grading model " + run.model() + " is not installed"));
        if (!model.version().equals(run.modelVersion())) {
            throw new IllegalStateException("grading model " + run.model() + " changed from " + run.modelVersion() + " to "
                    + model.version() + " during the run; start a new run");
        }
        FittedModel fit = fitted.computeIfAbsent(ctx.jobId(), id -> refit(c, model, run));
        AccountRange range = AccountRange.ofKey(ctx.partition().key());
        List<CustomerGrade> grades = new ArrayList<>();
        Instant now = Instant.now();
        long[] unknown = new long[1];
        snapshots.read(c, range, model.model().kinds(), run.asOf(), config.months(), null, snapshot -> {
            Grade grade;
            try {
                grade = fit.grade(snapshot);
            } catch (RuntimeException e) {
                grade = Grade.unknown("model " + run.model() + " failed: " + e.getClass().getSimpleName());
            }
            if (Grade.UNKNOWN.equals(grade.grade())) {
                unknown[0]++;
            }
            grades.add(new CustomerGrade(snapshot.account(), run.model(), run.modelVersion(), grade.grade(),
                    Double.isFinite(grade.score()) ? grade.score() : null, grade.reason(), run.id(), now));
            if (grades.size() % 500 == 0) {
                ctx.worked(500);
            }
        });
        if (ctx.cancelled()) {
            return;
        }
        GradeStore.replace(c, run.model(), range, grades);
        ctx.worked(grades.size() % 500);
        ctx.count("customers", grades.size());
        ctx.count("unknown", unknown[0]);
    }

    /** After a restart: the same fit again, or the run stops rather than mix two models' grades. */
    private FittedModel refit(Connection c, ActiveModels.Binding model, GradeStore.RunRow run) {
        try {
            SnapshotPopulation population = new SnapshotPopulation(c, snapshots, model.model().kinds(), run.asOf(),
                    config.months(), config.partitionSize());
            FittedModel fit = fit(model, population, run.asOf());
            if (!GradeStore.json(fit.parameters()).equals(run.parameters())) {
                throw new IllegalStateException("grading model " + run.model() + " fitted differently on resume: it is not"
                        + " reproducible, or the data changed since the run started; start a new run");
            }
            return fit;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Long> finish(JobContext job, Map<String, Long> counters) {
        fitted.remove(job.jobId());
        return Map.of();
    }

    // ------------------------------------------------------------------ results

    @Override
    public List<CustomerGrade> of(String account) {
        return read(c -> GradeStore.ofCustomer(c, account));
    }

    @Override
    public List<GradeCount> distribution(String model) {
        return read(c -> GradeStore.distribution(c, model));
    }

    @Override
    public List<CustomerGrade> ranking(String model, String grade, int offset, int limit) {
        return read(c -> GradeStore.ranking(c, model, grade, offset, limit));
    }

    public List<ActiveModels.Binding> models() {
        return models.all();
    }

    public Optional<ActiveModels.Binding> model(String id) {
        return models.get(id);
    }

    private <T> T read(Database.SqlWork<T> work) {
        try (Connection c = database.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading grades failed: " + e.getMessage(), e);
        }
    }
}
