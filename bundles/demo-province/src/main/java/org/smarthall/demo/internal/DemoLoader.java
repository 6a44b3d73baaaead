package org.smarthall.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.ingest.Datasets;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.ingest.ImportService;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;
import org.smarthall.api.tag.TagRuns;

/**
 * Loads the demo province on the first start of an empty SmartHall: generates the files in
 * {@code ${karaf.data}/smarthall/demo} and imports them dataset by dataset, each import a job
 * waited for before the next starts.
 * <p>
 * A restart in the middle continues where the load stopped: {@code loaded.txt} lists the
 * datasets imported, the files are kept (and reused while the configuration is unchanged, so a
 * restart next month does not generate a different province), and an import job still running
 * for the same file is waited for rather than submitted twice.
 * <p>
 * When every import has succeeded it starts one full tagging run as of the last day of the data
 * ({@code tagAfterLoad}, default on), so that a new user finds tags in the customer view. Once
 * per demo install: {@code tag-run.txt} records that the run is due when the load begins, and
 * then that it was started (or why not), so a restart starts none again. Tagging is optional:
 * without the tagging feature, with a run already under way or with no theme installed the
 * loader logs that tags will appear after {@code hall:tag-run}, and the load stays a success.
 */
@Component(configurationPid = "org.smarthall.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoConfig.class)
public class DemoLoader {
    static final String USER = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    private static final List<JobState> UNFINISHED = List.of(JobState.QUEUED, JobState.RUNNING, JobState.WAITING);
    private static final int PAGE = 100;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long the tagging service may take to appear after the load (bundles still starting). */
    private static final Duration TAG_RUNS_WAIT = Duration.ofSeconds(30);

    private final ImportService imports;
    private final JobService jobs;
    private final CustomerRepository customers;
    private final Path directory;
    private final DemoConfig config;
    private final Duration poll;
    private final Duration tagRunsWait;
    private final Clock clock;
    private final Thread worker;
    /** The tag engine, when the tagging feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TagRuns tagRuns;

    @Activate
    public DemoLoader(@Reference ImportService imports, @Reference JobService jobs,
            @Reference CustomerRepository customers, BundleContext context, DemoConfig config) {
        this(imports, jobs, customers, null, dataDirectory(context), config, Duration.ofMillis(500), TAG_RUNS_WAIT,
                Clock.system(GeneratorSettings.CHINA));
    }

    /**
     * @param tagRuns     the tag engine, {@code null} when the tagging feature is not installed
     * @param directory   where the demo files go, or {@code null} when there is no data directory
     * @param tagRunsWait how long to wait for the tag engine to appear when the load is done
     */
    DemoLoader(ImportService imports, JobService jobs, CustomerRepository customers, TagRuns tagRuns, Path directory,
            DemoConfig config, Duration poll, Duration tagRunsWait, Clock clock) {
        this.imports = imports;
        this.jobs = jobs;
        this.customers = customers;
        this.tagRuns = tagRuns;
        this.directory = directory;
        this.config = config;
        this.poll = poll;
        this.tagRunsWait = tagRunsWait;
        this.clock = clock;
        this.worker = new Thread(this::run, "smarthall-demo-loader");
        worker.setDaemon(true);
        worker.start();
    }

    private static Path dataDirectory(BundleContext context) {
        String data = context.getProperty("karaf.data");
        return data == null ? null : Path.of(data, "smarthall", "demo");
    }

    @Deactivate
    void deactivate() {
        worker.interrupt();
        if (!finished(STOP_TIMEOUT)) {
            LOG.warn("Demo province loader did not stop within {} s", STOP_TIMEOUT.toSeconds());
        }
    }

    /** Waits for the loader thread to end; {@code true} when it has. */
    boolean finished(Duration timeout) {
        try {
            worker.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }

    private void run() {
        if (!config.loadOnFirstBoot()) {
            LOG.debug("Demo province: loadOnFirstBoot is false");
            return;
        }
        if (directory == null) {
            LOG.warn("Demo province not loaded: the framework property karaf.data is not set");
            return;
        }
        try {
            load(new DemoDirectory(directory));
        } catch (InterruptedException e) {
            LOG.info("Demo province load stopped; it continues at the next start");
        } catch (IOException | RuntimeException e) {
            LOG.error("Demo province load failed", e);
        }
    }

    private void load(DemoDirectory demo) throws IOException, InterruptedException {
        List<String> loaded = demo.loaded();
        if (loaded.containsAll(Datasets.ALL)) {
            if (config.tagAfterLoad() && demo.tagRun().filter(DemoDirectory.TAG_RUN_DUE::equals).isPresent()) {
                // stopped between the last import and the tagging run
                Optional<GeneratorSettings> recorded = demo.recorded();
                if (recorded.isPresent()) {
                    startTagRun(demo, recorded.get().until());
                } else {
                    LOG.info("Demo province: no tagging run started ({} is missing); tags will appear after "
                            + "hall:tag-run", DemoDirectory.SETTINGS);
                    recordTagRun(demo, "not started: " + DemoDirectory.SETTINGS + " missing");
                }
                return;
            }
            LOG.debug("Demo province already loaded ({})", directory);
            return;
        }
        boolean empty = customers.countByKind().values().stream().allMatch(n -> n == 0);
        if (!empty && !demo.hasMarker()) {
            LOG.info("Demo province skipped: the store already holds customers");
            return;
        }
        GeneratorSettings settings = files(demo);
        demo.beginLoad();
        if (config.tagAfterLoad()) {
            demo.tagRunDue();
        }
        for (String dataset : Datasets.ALL) {
            if (loaded.contains(dataset)) {
                continue;
            }
            JobInfo job = importAndWait(dataset, demo.file(dataset));
            if (job.state() != JobState.SUCCEEDED) {
                LOG.error("Demo province load stopped: the import of {} (job {}) ended {}: {}", dataset, job.id(),
                        job.state(), job.message());
                return;
            }
            demo.markLoaded(dataset);
            LOG.info("Demo province: {} imported (job {}) {}", dataset, job.id(), job.counters());
        }
        LOG.info("Demo province loaded: {} residents, {} halls, data up to {}", settings.residents(),
                settings.halls(), settings.until());
        if (config.tagAfterLoad()) {
            startTagRun(demo, settings.until());
        }
    }

    /**
     * Starts the full tagging run as of the data's last day and records what became of it. Never
     * fails the load: without the tag engine, with a run under way or no theme to run, it logs
     * where the tags will come from instead.
     */
    private void startTagRun(DemoDirectory demo, LocalDate asOf) throws InterruptedException {
        TagRuns runs = awaitTagRuns();
        if (runs == null) {
            LOG.info("Demo province: the tagging feature is not installed; tags will appear after "
                    + "hall:tag-run --as-of {}", asOf);
            recordTagRun(demo, "not started: no tagging service");
            return;
        }
        try {
            TagRun run = runs.start(new TagRunRequest(TagRun.FULL, asOf), USER);
            recordTagRun(demo, "started run " + run.id() + " as of " + asOf);
            LOG.info("Demo province: tagging run {} started (full, as of {}); hall:job-watch {} follows it",
                    run.id(), asOf, run.id());
        } catch (ConflictException | InvalidInputException e) {
            LOG.info("Demo province: no tagging run started ({}); tags will appear after hall:tag-run --as-of {}",
                    e.getMessage(), asOf);
            recordTagRun(demo, "not started: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Demo province: the tagging run could not be started (the next start tries again); tags "
                    + "will appear after hall:tag-run --as-of {}", asOf, e);
        }
    }

    /** The tag engine, waiting a little for it: its bundle may still be starting. */
    private TagRuns awaitTagRuns() throws InterruptedException {
        long deadline = System.nanoTime() + tagRunsWait.toNanos();
        TagRuns runs = tagRuns;
        while (runs == null && System.nanoTime() - deadline < 0) {
            Thread.sleep(poll.toMillis());
            runs = tagRuns;
        }
        return runs;
    }

    private void recordTagRun(DemoDirectory demo, String outcome) {
        try {
            demo.recordTagRun(outcome.replaceAll("\\s+", " "));
        } catch (IOException e) {
            LOG.warn("Demo province: could not record the tagging run in {}", directory, e);
        }
    }

    /** The files to import: those already generated from this configuration, else new ones. */
    private GeneratorSettings files(DemoDirectory demo) throws IOException, InterruptedException {
        LocalDate until = GeneratorSettings.lastDayOfPreviousMonth(LocalDate.now(clock));
        GeneratorSettings wanted = new GeneratorSettings(config.seed(), config.residents(), config.halls(), until,
                config.eventDays(), StandardCharsets.UTF_8);
        Optional<GeneratorSettings> recorded = demo.recorded();
        if (recorded.isPresent() && sameProvince(recorded.get(), wanted)
                && Datasets.ALL.stream().allMatch(dataset -> Files.exists(demo.file(dataset)))) {
            LOG.info("Demo province: using the files generated before in {} (data up to {})", directory,
                    recorded.get().until());
            return recorded.get();
        }
        if (demo.hasMarker() && recorded.isPresent() && sameProvince(recorded.get(), wanted)) {
            // a file is missing (a dataset added since the load began): the same settings give the
            // same files again, so what is imported already and what is still to come stay one province
            wanted = recorded.get();
            LOG.info("Demo province: files missing in {}; generating them again (data up to {})", directory,
                    wanted.until());
        } else if (demo.hasMarker()) {
            LOG.warn("Demo province: the files of the unfinished load are missing or were made from another "
                    + "configuration; generating anew");
        }
        demo.forgetSettings();
        ProvinceGenerator generator = new ProvinceGenerator(wanted);
        LOG.info("Demo province: generating {} customers ({} residents, {} halls, data up to {}) into {}",
                generator.customers(), wanted.residents(), wanted.halls(), wanted.until(), directory);
        long started = System.nanoTime();
        int[] tenths = {0};
        GenerationResult result = generator.generate(directory, (done, total) -> {
            // a big configured province takes minutes: show that it moves
            int now = (int) (done * 10 / total);
            if (now > tenths[0] && done < total) {
                tenths[0] = now;
                LOG.info("Demo province: {} of {} customers generated", done, total);
            }
        });
        demo.record(wanted);
        LOG.info("Demo province generated in {} s: {}", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                result.rows());
        return wanted;
    }

    /** Same province but maybe another month: the until of the files generated before stands. */
    private static boolean sameProvince(GeneratorSettings a, GeneratorSettings b) {
        return a.seed() == b.seed() && a.residents() == b.residents() && a.halls() == b.halls()
                && a.eventDays() == b.eventDays() && a.charset().equals(b.charset());
    }

    private JobInfo importAndWait(String dataset, Path file) throws IOException, InterruptedException {
        String sha256 = sha256(file);
        Optional<JobInfo> running = unfinishedImport(sha256);
        long id;
        if (running.isPresent()) {
            id = running.get().id();
            LOG.info("Demo province: waiting for import job {} of {} already under way", id, dataset);
        } else {
            ImportInfo started = imports.submit(new ImportRequest(dataset, file, file.getFileName().toString(),
                    ImportFormat.CSV, StandardCharsets.UTF_8), USER);
            id = started.job() != null ? started.job().id() : started.id();
            LOG.info("Demo province: importing {} (job {})", dataset, id);
        }
        while (true) {
            Optional<JobInfo> job = jobs.find(id);
            if (job.isEmpty()) {
                throw new IllegalStateException("import job " + id + " of " + dataset + " has disappeared");
            }
            if (job.get().state().terminal()) {
                return job.get();
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private Optional<JobInfo> unfinishedImport(String sha256) {
        for (JobState state : UNFINISHED) {
            for (int offset = 0;; offset += PAGE) {
                List<JobInfo> page = jobs.list(Optional.of(state), offset, PAGE);
                Optional<JobInfo> match = page.stream().filter(job -> ImportService.JOB_TYPE.equals(job.type())
                        && sha256.equals(job.parameters().get("sha256"))).findFirst();
                if (match.isPresent()) {
                    return match;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
