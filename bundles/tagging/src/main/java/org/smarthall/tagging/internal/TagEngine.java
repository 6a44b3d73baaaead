package org.smarthall.tagging.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.CustomerSnapshots;
import org.smarthall.api.customer.CustomerSnapshots.AccountRange;
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
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagCount;
import org.smarthall.api.tag.TagResults;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;
import org.smarthall.api.tag.TagRuns;
import org.smarthall.api.tag.TagTheme;
import org.smarthall.api.tag.TagValue;

/**
 * The tag engine. A run is a job of type {@value TagRun#JOB_TYPE}: planned into account ranges of
 * a few thousand customers, each read with its histories, tagged by every active theme and
 * written in the partition's own transaction, together with what it changed in the distribution
 * of tags. Partitions run side by side; a run killed midway resumes at its first uncommitted one.
 *
 * <p>A full run tags every customer. An incremental run tags only the customers that imports
 * touched (or that hall events named) since the last completed run, and records what it took
 * away and added; it builds on the last full run and is refused while that one did not complete.
 * The distribution of a theme is the sum over the last completed full run and every run after it.
 */
@Component(service = {TagEngine.class, TagRuns.class, TagResults.class, JobHandler.class}, configurationPid = "org.smarthall.tagging",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = JobHandler.PROPERTY_TYPE + "=" + TagRun.JOB_TYPE)
@SmartHallPlugin(kind = PluginKind.JOB_TYPE, id = TagRun.JOB_TYPE)
@Designate(ocd = TaggingConfig.class)
public class TagEngine implements JobHandler, TagRuns, TagResults {
    private static final Logger LOG = LoggerFactory.getLogger(TagEngine.class);
    private static final EnumSet<CustomerKind> ALL_KINDS = EnumSet.allOf(CustomerKind.class);
    private static final int MAX_LOGGED_FAILURES = 5;

    private final Database database;
    private final CustomerSnapshots snapshots;
    private final ActiveThemes themes;
    private final JobService jobs;
    private volatile TaggingConfig config;
    private final Map<Long, TagStore.RunRow> runCache = new ConcurrentHashMap<>();
    private final AtomicLong loggedFailures = new AtomicLong();

    @Activate
    public TagEngine(@Reference Database database, @Reference CustomerSnapshots snapshots,
            @Reference ActiveThemes themes, @Reference JobService jobs, TaggingConfig config) {
        this.database = database;
        this.snapshots = snapshots;
        this.themes = themes;
        this.jobs = jobs;
        this.config = config;
    }

    @Modified
    void modified(TaggingConfig changed) {
        this.config = changed;
    }

    // ------------------------------------------------------------------ runs

    @Override
    public TagRun start(TagRunRequest request, String user) {
        Map<String, String> parameters = parameters(request);
        validate(parameters);
        if (themes.current().isEmpty()) {
            throw new InvalidInputException("themes", "no tag theme is installed: install one (e.g. feature smarthall-tag-fee-risk)");
        }
        Optional<JobInfo> underWay = busy();
        if (underWay.isPresent()) {
            throw new ConflictException("tagging run " + underWay.get().id() + " is under way; wait for it or cancel it");
        }
        if (TagRun.INCREMENTAL.equals(parameters.get("mode"))) {
            base(); // refuses when there is nothing to build on
        }
        JobInfo job = jobs.submit(TagRun.JOB_TYPE, parameters, user);
        return toRun(job, null);
    }

    static Map<String, String> parameters(TagRunRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String mode = request == null || request.mode() == null ? TagRun.FULL : request.mode().strip().toLowerCase(Locale.ROOT);
        parameters.put("mode", mode);
        LocalDate asOf = request == null || request.asOf() == null ? LocalDate.now(Codes.TIME_ZONE) : request.asOf();
        parameters.put("asOf", asOf.toString());
        return parameters;
    }

    private Optional<JobInfo> busy() {
        for (JobState state : List.of(JobState.QUEUED, JobState.RUNNING, JobState.WAITING)) {
            for (JobInfo job : jobs.list(Optional.of(state), 0, 1000)) {
                if (TagRun.JOB_TYPE.equals(job.type())) {
                    return Optional.of(job);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<TagRun> find(long id) {
        return jobs.find(id).filter(j -> TagRun.JOB_TYPE.equals(j.type())).map(j -> toRun(j, storedRun(id).orElse(null)));
    }

    @Override
    public List<TagRun> list(int offset, int limit) {
        List<TagRun> runs = new ArrayList<>();
        for (TagStore.RunRow row : read(TagStore::runs).stream().skip(offset).limit(limit).toList()) {
            jobs.find(row.id()).ifPresent(job -> runs.add(toRun(job, row)));
        }
        return runs;
    }

    private TagRun toRun(JobInfo job, TagStore.RunRow row) {
        Map<String, String> p = job.parameters();
        return new TagRun(job.id(), p.get("mode"), LocalDate.parse(p.get("asOf")), row == null ? null : row.baseRun(),
                row == null ? List.of() : row.themes(), job);
    }

    private Optional<TagStore.RunRow> storedRun(long id) {
        return read(c -> TagStore.run(c, id));
    }

    /** A stored run with the state of its job. */
    private record Past(TagStore.RunRow row, JobState state) {
    }

    private List<Past> history() {
        List<Past> past = new ArrayList<>();
        for (TagStore.RunRow row : read(TagStore::runs)) {
            jobs.find(row.id()).ifPresent(job -> past.add(new Past(row, job.state())));
        }
        return past;
    }

    /**
     * The run an incremental run builds on: the last completed one, provided the last full run
     * completed (a full run stopped midway has rewritten part of the tags behind the counts).
     */
    private Past base() {
        Past latest = null;
        for (Past p : history()) { // newest first
            if (!p.row().incremental() && p.state() != JobState.SUCCEEDED) {
                if (p.state().terminal()) {
                    throw new InvalidInputException("mode", "full run " + p.row().id() + " ended " + p.state()
                            + "; start a full run before incremental ones");
                }
                continue; // the run being planned
            }
            if (p.state() == JobState.SUCCEEDED) {
                latest = p;
                break;
            }
        }
        if (latest == null) {
            throw new InvalidInputException("mode", "no completed tagging run to build on; start a full run first");
        }
        return latest;
    }

    // ------------------------------------------------------------------ job

    @Override
    public String type() {
        return TagRun.JOB_TYPE;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        String mode = parameters.get("mode");
        if (!TagRun.FULL.equals(mode) && !TagRun.INCREMENTAL.equals(mode)) {
            throw new InvalidInputException("mode", "must be full or incremental, not '" + mode + "'");
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
        return true; // partitions write disjoint account ranges and their own count rows
    }

    @Override
    public List<Partition> plan(JobContext job) throws Exception {
        Connection c = job.connection();
        String mode = job.parameters().get("mode");
        LocalDate asOf = LocalDate.parse(job.parameters().get("asOf"));
        List<ActiveThemes.Binding> active = themes.current();
        if (active.isEmpty()) {
            throw new IllegalStateException("no tag theme is installed");
        }
        int size = config.partitionSize();
        long changeTo = Math.min(job.jobId(), oldestUnfinishedImport());
        List<Partition> partitions = new ArrayList<>();
        TagStore.RunRow run;
        if (TagRun.INCREMENTAL.equals(mode)) {
            Past base = base();
            run = new TagStore.RunRow(job.jobId(), mode, asOf, base.row().id(), base.row().changeTo(), changeTo,
                    base.row().created(), labels(active), Instant.now());
            TreeSet<String> changed = TagStore.changedAccounts(c, run.changeFrom(), run.changeTo(), run.visitsSince(), null);
            List<String> accounts = new ArrayList<>(changed);
            for (int i = 0; i < accounts.size(); i += size) {
                int end = Math.min(accounts.size(), i + size);
                String to = end < accounts.size() ? accounts.get(end) : null;
                partitions.add(new Partition(new AccountRange(accounts.get(i), to).key(), end - i));
            }
        } else {
            run = new TagStore.RunRow(job.jobId(), mode, asOf, null, 0, changeTo, null, labels(active), Instant.now());
            List<AccountRange> ranges = snapshots.ranges(c, ALL_KINDS, size);
            long customers = count(c);
            for (int i = 0; i < ranges.size(); i++) {
                long units = i < ranges.size() - 1 ? size : customers - (long) size * (ranges.size() - 1);
                partitions.add(new Partition(ranges.get(i).key(), Math.max(0, units)));
            }
        }
        TagStore.insertRun(c, run);
        LOG.info("Tagging run {} ({}, as of {}): {} partitions, themes {}", job.jobId(), mode, asOf, partitions.size(),
                run.themes());
        return partitions;
    }

    private static long count(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM sh_customer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Imports still under way may add changes below their id: the next incremental run looks again. */
    private long oldestUnfinishedImport() {
        long oldest = Long.MAX_VALUE;
        for (JobState state : List.of(JobState.QUEUED, JobState.RUNNING, JobState.WAITING)) {
            for (JobInfo job : jobs.list(Optional.of(state), 0, 1000)) {
                if ("import".equals(job.type())) {
                    oldest = Math.min(oldest, job.id());
                }
            }
        }
        return oldest;
    }

    private static List<String> labels(List<ActiveThemes.Binding> active) {
        return active.stream().map(ActiveThemes.Binding::label).toList();
    }

    @Override
    public void run(PartitionContext ctx) throws Exception {
        Connection c = ctx.connection();
        TagStore.RunRow run = runCache.computeIfAbsent(ctx.jobId(), id -> {
            try {
                return TagStore.run(c, id).orElseThrow(() -> new IllegalStateException("tagging run " + id + " not stored"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        AccountRange range = AccountRange.ofKey(ctx.partition().key());
        List<ActiveThemes.Binding> active = themes.current();
        Map<List<String>, Long> counts = TagStore.newCounts();
        List<String> only = null;
        if (run.incremental()) {
            only = new ArrayList<>(TagStore.changedAccounts(c, run.changeFrom(), run.changeTo(), run.visitsSince(), range));
            for (String old : TagStore.takeDocuments(c, only)) {
                TagStore.count(counts, TagDocument.keys(old), -1);
            }
        } else {
            TagStore.deleteRange(c, range);
        }
        List<TagStore.Tagged> tagged = new ArrayList<>(config.partitionSize());
        long[] tags = new long[1];
        Map<String, Long> errors = new HashMap<>();
        snapshots.read(c, range, ALL_KINDS, run.asOf(), config.months(), only, snapshot -> {
            List<TagDocument.ThemeTags> results = new ArrayList<>(active.size());
            for (ActiveThemes.Binding theme : active) {
                List<TagValue> values = evaluate(theme, snapshot, run.asOf(), errors);
                results.add(new TagDocument.ThemeTags(theme.id(), theme.version(), values));
                for (TagValue v : values) {
                    counts.merge(List.of(theme.id(), v.dimension(), v.value(), theme.version()), 1L, Long::sum);
                }
                tags[0] += values.size();
            }
            tagged.add(new TagStore.Tagged(snapshot.account(), TagDocument.encode(results)));
            if (tagged.size() % 500 == 0) {
                ctx.worked(500);
            }
        });
        if (ctx.cancelled()) {
            return;
        }
        TagStore.insertTags(c, run.id(), Instant.now(), tagged);
        TagStore.insertCounts(c, run.id(), ctx.index(), counts);
        ctx.worked(tagged.size() % 500);
        ctx.count("customers", tagged.size());
        ctx.count("tags", tags[0]);
        errors.forEach((theme, n) -> ctx.count("errors." + theme, n));
    }

    /** One theme on one customer; a theme that throws gives "unknown" with the failure as the reason. */
    private List<TagValue> evaluate(ActiveThemes.Binding theme, CustomerSnapshot snapshot, LocalDate asOf,
            Map<String, Long> errors) {
        try {
            List<TagValue> values = theme.theme().evaluate(snapshot, asOf);
            if (values == null || values.isEmpty()) {
                return List.of(TagValue.unknown(theme.id(), "the theme gave no tag"));
            }
            return values;
        } catch (RuntimeException e) {
            errors.merge(theme.id(), 1L, Long::sum);
            if (loggedFailures.incrementAndGet() <= MAX_LOGGED_FAILURES) {
                LOG.warn("Tag theme {} failed on a customer; tagged unknown", theme.label(), e);
            }
            return List.of(TagValue.unknown(theme.id(), "theme " + theme.label() + " failed: " + e.getClass().getSimpleName()));
        }
    }

    @Override
    public Map<String, Long> finish(JobContext job, Map<String, Long> counters) {
        runCache.remove(job.jobId());
        return Map.of();
    }

    // ------------------------------------------------------------------ results

    @Override
    public List<CustomerTag> of(String account) {
        return read(c -> TagStore.tagsOf(c, account));
    }

    @Override
    public List<TagCount> distribution(String theme) {
        List<Long> chain = distributionRuns();
        return read(c -> TagStore.counts(c, theme, chain));
    }

    /**
     * The runs whose counts make the current distribution: the last completed full run and every
     * run after it (an incremental run stopped midway included: its committed partitions changed
     * tags, and their counts say exactly how). Empty before the first full run completes.
     */
    List<Long> distributionRuns() {
        List<Long> chain = new ArrayList<>();
        for (Past p : history()) { // newest first
            if (p.row().incremental()) {
                chain.add(p.row().id());
            } else if (p.state() == JobState.SUCCEEDED) {
                chain.add(p.row().id());
                return chain;
            }
        }
        return List.of();
    }

    /** The themes a run would use now, and the ones they shadow. */
    public List<ActiveThemes.Binding> themes() {
        return themes.all();
    }

    public List<ActiveThemes.Binding> activeThemes() {
        return themes.current();
    }

    private <T> T read(Database.SqlWork<T> work) {
        try (Connection c = database.dataSource().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading tags failed: " + e.getMessage(), e);
        }
    }
}
