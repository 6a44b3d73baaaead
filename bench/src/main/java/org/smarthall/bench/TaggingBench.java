package org.smarthall.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.ingest.Datasets;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.tag.TagCount;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;
import org.smarthall.api.tag.TagTheme;
import org.smarthall.demo.internal.GenerationResult;
import org.smarthall.demo.internal.GeneratorSettings;
import org.smarthall.demo.internal.ProvinceGenerator;
import org.smarthall.ingest.internal.imports.ImportServiceImpl;
import org.smarthall.jobs.internal.JobRunner;
import org.smarthall.jobs.internal.JobsConfig;
import org.smarthall.store.internal.CustomerSnapshotReader;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.JobRepositoryImpl;
import org.smarthall.store.internal.PiiProtectorService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.tag.channel.internal.ChannelPreferenceConfig;
import org.smarthall.tag.channel.internal.ChannelPreferenceTheme;
import org.smarthall.tag.consumption.internal.ConsumptionConfig;
import org.smarthall.tag.consumption.internal.ConsumptionTheme;
import org.smarthall.tag.credit.internal.CreditConfig;
import org.smarthall.tag.credit.internal.CreditTheme;
import org.smarthall.tag.feerisk.internal.FeeRiskConfig;
import org.smarthall.tag.feerisk.internal.FeeRiskTheme;
import org.smarthall.tagging.internal.ActiveThemes;
import org.smarthall.tagging.internal.TagEngine;
import org.smarthall.tagging.internal.TaggingConfig;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.TestDatabases;

/**
 * SmartHall's tag engine on a synthetic province against a raw JDBC scan of the same rows, in the
 * same JVM and the same Derby database. The engine runs a full tagging run with the four themes
 * of the distribution (fee-risk, credit, channel-preference, consumption; default
 * configurations) on two partition workers, as a province configures it: for every range of
 * 5,000 customers it reads the customer and eleven histories over the 12 months before the
 * as-of month, builds the snapshots, evaluates every theme, and writes the tag documents and
 * the distribution counts in the partition's transaction. It runs twice: on an empty tag table,
 * then again over the tags of the first run (deletes, then inserts). The raw scan runs the
 * reader's queries over the whole table instead of a range (same columns, same windows, same
 * account-leading index, same ORDER BY), reads every column with the getter the reader uses and
 * folds it into a checksum; once on one connection, once split into two account halves on two
 * threads, the engine's two partition workers.
 * <p>
 * Goal (1,000,000 residents with 12 months of history): a full run in 60 s or less and at most
 * 2 times the raw scan, in a heap of at most 1 GB. The bench forks a JVM with {@code -Xmx1g}
 * ({@code -Dbench.heap} to change it), and reports the peak heap used during each run (sampled
 * every 200 ms) and the peak left after a garbage collection (what was live, at most).
 * <p>
 * The province comes from the demo generator (seed, residents, 3 halls with 30 days of zone
 * events, data up to the end of last month) and goes through SmartHall's importer, in files of
 * 50,000 rows (see {@link #IMPORT_CHUNK}): every dataset the engine reads, not balances and
 * consents ({@code -Dbench.datasets=all} for those too). At a million residents that is about
 * 42 million rows and an hour, so the database is kept in {@code bench/target/bench-work/tagging}
 * and reused while residents, seed and datasets are the same (its tags are cleared first); a
 * {@code mvn clean} of the bench deletes it. The as-of day is the first day after the data, so
 * the 12 months before its month are the 12 generated ones. {@code -Dbench.profile=true}
 * samples the job threads' stacks every 50 ms during the runs and prints where they spend
 * their time.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -q -f bench/pom.xml exec:exec@tagging [-Dresidents=1000000] [-Dseed=20260101] [-Dbench.heap=1g] \
 *     [-Dbench.profile=true] [-Dbench.datasets=all]
 * </pre>
 */
public final class TaggingBench {
    private static final int MONTHS = 12;
    private static final int HALLS = GeneratorSettings.DEFAULT_HALLS;
    private static final int EVENT_DAYS = GeneratorSettings.DEFAULT_EVENT_DAYS;
    private static final int PARTITION_WORKERS = 2;
    /**
     * Rows per import job while setting up. One slice per job: the importer's probe for accounts
     * already marked changed by the job scans every mark of the job so far (on Derby the IN list
     * on the second key column is a filter, not a probe), which makes one job of a million rows
     * quadratic; a job of one slice probes an empty set.
     */
    private static final int IMPORT_CHUNK = 50_000;
    private static final long MB = 1024 * 1024;
    private static final long GOAL_HEAP = 1024 * MB;
    private static final String MARKER = "province.properties";
    /** Values of a dimension printed, the most frequent first (channel rankings have hundreds). */
    private static final int DISTRIBUTION_VALUES = 8;
    /**
     * Datasets imported by default: all but the two the engine never reads. Balances alone are 40%
     * of the rows (26 million at a million residents) and would add an hour to the import.
     */
    private static final List<String> NOT_READ = List.of(Datasets.BALANCES, Datasets.CONSENTS);
    /** Tables counted after the import, in load order. */
    private static final List<String> TABLES = List.of("sh_customer", "sh_hall", "sh_consumption", "sh_bill", "sh_payment",
            "sh_balance", "sh_recharge", "sh_trip", "sh_work_order", "sh_rating", "sh_consent", "sh_contact",
            "sh_credit_record", "sh_zone_event", "sh_zone_event_account");

    public static void main(String[] args) throws Exception {
        int residents = Integer.getInteger("residents", 1_000_000);
        long seed = Long.getLong("seed", GeneratorSettings.DEFAULT_SEED);
        boolean profile = Boolean.getBoolean("bench.profile");
        List<String> datasets = "all".equals(System.getProperty("bench.datasets", "")) ? Datasets.ALL
                : Datasets.ALL.stream().filter(d -> !NOT_READ.contains(d)).toList();
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"), "tagging").toAbsolutePath();
        int preloaded = preloadSmartHallClasses();
        Files.createDirectories(work);
        // as the distribution configures Derby (etc/system.properties)
        System.setProperty("derby.storage.pageCacheSize", System.getProperty("derby.storage.pageCacheSize", "16000"));
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());

        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "SmartHall tagging benchmark: %,d residents, %d months of history, 4 themes, %d partition"
                + " workers, Derby embedded%n", residents, MONTHS, PARTITION_WORKERS);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, heap max %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), maxHeap / MB, load());
        System.out.printf("%,d SmartHall classes loaded up front (a reactor build may replace their jars during the run)%n",
                preloaded);
        if (maxHeap > GOAL_HEAP + GOAL_HEAP / 20) {
            System.out.printf("WARNING: the heap may grow to %d MB, more than the goal's 1024 MB: run with -Xmx1g"
                    + " (exec:exec@tagging does)%n", maxHeap / MB);
        }

        Province province = province(work, residents, seed, datasets);
        LocalDate asOf = province.until().plusDays(1);
        EmbeddedDataSource ds = TestDatabases.derby(work.resolve("derby"));
        DatabaseService database = new DatabaseService(ds, Annotations.of(StoreConfig.class));
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("smarthall",
                Map.of("javax.persistence.nonJtaDataSource", ds, "eclipselink.logging.level", "WARNING"));
        clearTags(ds); // before the runner starts, which would resume a tagging run left unfinished
        JobRunner runner = new JobRunner(new JobRepositoryImpl(emf, database), database, Annotations.of(JobsConfig.class,
                Map.of("maxConcurrentJobs", 1, "partitionWorkers", PARTITION_WORKERS)));
        String setup = province.generated() == null ? province.setup()
                : importProvince(work, province, datasets, residents, seed, ds, database, runner);
        ActiveThemes themes = themes();
        TagEngine engine = new TagEngine(database, new CustomerSnapshotReader(), themes, runner,
                Annotations.of(TaggingConfig.class));
        runner.addHandler(engine);

        System.out.printf(Locale.ROOT, "%ntagging as of %s: histories %s to %s, themes %s%n", asOf,
                YearMonth.from(asOf).minusMonths(MONTHS), YearMonth.from(asOf).minusMonths(1),
                themes.current().stream().map(ActiveThemes.Binding::label).toList());
        Tagging first = tag(engine, runner, asOf, "first run (empty tag table)", profile);
        Tagging again = tag(engine, runner, asOf, "re-run (over the tags of the first)", profile);
        System.out.println();
        for (ActiveThemes.Binding theme : themes.current()) {
            printDistribution(theme.id(), engine.distribution(theme.id()), first.customers());
        }

        RawScan raw = new RawScan(ds, asOf, MONTHS);
        System.out.printf(Locale.ROOT, "%nraw JDBC scan, 1 thread (load average %s)%n", load());
        RawScan.Result one = raw.scan(1);
        System.out.printf(Locale.ROOT, "raw JDBC scan, %d threads (load average %s)%n", PARTITION_WORKERS, load());
        RawScan.Result two = raw.scan(PARTITION_WORKERS);
        if (one.checksum() != two.checksum() || one.rows() != two.rows()) {
            System.out.printf("WARNING: the two scans read different rows: %,d / %,d rows, checksums %x / %x%n", one.rows(),
                    two.rows(), one.checksum(), two.checksum());
        }

        runner.deactivate();
        emf.close();
        shutdown(ds);

        System.out.printf(Locale.ROOT, "%n=== tagging %,d customers (%,d residents; data setup %s; load average now %s)%n",
                first.customers(), residents, setup, load());
        System.out.printf(Locale.ROOT, "first run %.1f s (%,.0f/s), re-run %.1f s (%,.0f/s); raw scan 1 thread %.1f s,"
                + " %d threads %.1f s (%,d rows)%n", first.seconds(), first.rate(), again.seconds(), again.rate(),
                one.seconds(), PARTITION_WORKERS, two.seconds(), one.rows());
        System.out.printf(Locale.ROOT, "ratio first run / raw 1-thread %.2f, / raw %d-thread %.2f; re-run / raw 1-thread %.2f,"
                + " / raw %d-thread %.2f (goal <= 2)%n", first.seconds() / one.seconds(), PARTITION_WORKERS,
                first.seconds() / two.seconds(), again.seconds() / one.seconds(), PARTITION_WORKERS,
                again.seconds() / two.seconds());
        System.out.printf(Locale.ROOT, "peak heap used %d MB (first) / %d MB (re-run), at most %d MB live after a GC,"
                + " of %d MB max (goal <= 1024 MB)%n", first.heap().peakUsed() / MB, again.heap().peakUsed() / MB,
                Math.max(first.heap().peakAfterGc(), again.heap().peakAfterGc()) / MB, maxHeap / MB);
        System.out.printf(Locale.ROOT, "goal 60 s: %s; goal 2 x raw (1 thread): %s%n",
                first.seconds() <= 60 ? "met" : "MISSED", first.seconds() <= 2 * one.seconds() ? "met" : "MISSED");
    }

    // ------------------------------------------------------------------ the province

    /** @param generated the files to import, {@code null} when the database holds the province already */
    record Province(LocalDate until, String setup, GenerationResult generated, double generateSeconds) {
    }

    /**
     * The province to tag: the one imported before when residents, seed and datasets agree
     * ({@code generated} is then {@code null}), else new files to import into an emptied directory.
     */
    static Province province(Path work, int residents, long seed, List<String> datasets) throws Exception {
        Path marker = work.resolve(MARKER);
        Path derby = work.resolve("derby");
        if (Files.isRegularFile(marker) && Files.isDirectory(derby)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(marker)) {
                p.load(in);
            }
            if (String.valueOf(residents).equals(p.getProperty("residents")) && String.valueOf(seed).equals(p.getProperty("seed"))
                    && String.valueOf(HALLS).equals(p.getProperty("halls"))
                    && String.valueOf(EVENT_DAYS).equals(p.getProperty("eventDays"))
                    && String.join(",", datasets).equals(p.getProperty("datasets"))) {
                String setup = String.format(Locale.ROOT, "reused; generated in %s s, imported in %s s", p.getProperty("generateSeconds"),
                        p.getProperty("importSeconds"));
                System.out.printf(Locale.ROOT, "reusing the province imported before in %s (%s residents, seed %s, data up to %s;"
                        + " %s)%n", derby, residents, seed, p.getProperty("until"), setup);
                System.out.println("rows: " + p.getProperty("rows"));
                return new Province(LocalDate.parse(p.getProperty("until")), setup, null, 0);
            }
            System.out.printf("the province in %s is of other settings (%s residents, seed %s, datasets %s): making a new one%n",
                    work, p.getProperty("residents"), p.getProperty("seed"), p.getProperty("datasets"));
        }
        deleteTree(work);
        Files.createDirectories(work);

        LocalDate until = GeneratorSettings.lastDayOfPreviousMonth(LocalDate.now(GeneratorSettings.CHINA));
        GeneratorSettings settings = new GeneratorSettings(seed, residents, HALLS, until, EVENT_DAYS, StandardCharsets.UTF_8);
        ProvinceGenerator generator = new ProvinceGenerator(settings);
        Path files = work.resolve("files");
        System.out.printf(Locale.ROOT, "generating %,d customers (%,d residents, seed %d, %d halls, data up to %s) into %s%n",
                generator.customers(), residents, seed, HALLS, until, files);
        long g0 = System.nanoTime();
        int[] tenths = {0};
        GenerationResult generated = generator.generate(files, (done, total) -> {
            int now = (int) (done * 10 / total);
            if (now > tenths[0]) {
                tenths[0] = now;
                System.out.printf(Locale.ROOT, "  %,d of %,d customers generated (%.0f s)%n", done, total, seconds(g0));
            }
        });
        double generateSeconds = seconds(g0);
        long bytes = 0;
        for (String dataset : generated.rows().keySet()) {
            bytes += Files.size(generated.file(dataset));
            if (!datasets.contains(dataset)) {
                Files.delete(generated.file(dataset));
            }
        }
        System.out.printf(Locale.ROOT, "generated in %.1f s: %,d MB, rows %s%n", generateSeconds, bytes / MB, generated.rows());
        return new Province(until, null, generated, generateSeconds);
    }

    /**
     * Imports the generated files through SmartHall's importer, then records the province in the
     * marker file so that later runs reuse it; answers what the setup took.
     */
    private static String importProvince(Path work, Province province, List<String> datasets, int residents, long seed,
            EmbeddedDataSource ds, DatabaseService database, JobRunner jobs) throws Exception {
        return importProvince(work, province, datasets, residents, seed, ds, database, jobs,
                new PiiProtectorService(PiiProtectorService.newKey()));
    }

    /**
     * The same with the province's key given: the swipe bench hashes the cards' numbers with the key
     * the import hashed the customers' numbers with.
     */
    static String importProvince(Path work, Province province, List<String> datasets, int residents, long seed,
            EmbeddedDataSource ds, DatabaseService database, JobRunner jobs, PiiProtectorService pii) throws Exception {
        GenerationResult generated = province.generated();
        ImportServiceImpl imports = new ImportServiceImpl(database, jobs, pii, work.resolve("imports"), IMPORT_CHUNK,
                Long.MAX_VALUE);
        jobs.addHandler(imports);
        if (datasets.size() < Datasets.ALL.size()) {
            System.out.printf("importing %s; not %s, which tagging does not read (-Dbench.datasets=all imports them too)%n",
                    datasets, NOT_READ);
        }
        System.out.printf(Locale.ROOT, "importing each dataset in files of %,d rows, one import job (one slice) each%n",
                IMPORT_CHUNK);
        long i0 = System.nanoTime();
        for (String dataset : datasets) {
            long d0 = System.nanoTime();
            Map<String, Long> counters = importFile(jobs, imports, dataset, generated.file(dataset), work.resolve("chunks"));
            System.out.printf(Locale.ROOT, "  %-15s imported in %6.1f s: %s%n", dataset, seconds(d0), counters);
            if (counters.getOrDefault("rows", 0L).longValue() != generated.rows().get(dataset)) {
                throw new IllegalStateException(dataset + ": " + generated.rows().get(dataset) + " rows generated, "
                        + counters.get("rows") + " read by the imports");
            }
            Files.deleteIfExists(generated.file(dataset)); // the import keeps its own copy until it is done
        }
        double importSeconds = seconds(i0);
        jobs.removeHandler(imports);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        deleteTree(generated.directory());
        deleteTree(work.resolve("chunks"));
        deleteTree(work.resolve("imports"));
        System.out.printf(Locale.ROOT, "imported in %.1f s (%.1f min); rows per table: %s%n", importSeconds, importSeconds / 60, rows);

        Properties p = new Properties();
        p.setProperty("residents", String.valueOf(residents));
        p.setProperty("seed", String.valueOf(seed));
        p.setProperty("halls", String.valueOf(HALLS));
        p.setProperty("eventDays", String.valueOf(EVENT_DAYS));
        p.setProperty("datasets", String.join(",", datasets));
        p.setProperty("until", province.until().toString());
        p.setProperty("generateSeconds", String.format(Locale.ROOT, "%.0f", province.generateSeconds()));
        p.setProperty("importSeconds", String.format(Locale.ROOT, "%.0f", importSeconds));
        p.setProperty("rows", rows.toString());
        try (OutputStream out = Files.newOutputStream(work.resolve(MARKER))) {
            p.store(out, "the province imported into derby/; the tagging bench reuses it while these settings hold");
        }
        return String.format(Locale.ROOT, "generated in %.0f s, imported in %.0f s", province.generateSeconds(), importSeconds);
    }

    /**
     * Imports a dataset file as import jobs of {@link #IMPORT_CHUNK} rows each, submitted together
     * and run one after the other; answers the sum of their counters.
     */
    private static Map<String, Long> importFile(JobRunner jobs, ImportServiceImpl imports, String dataset, Path file,
            Path chunks) throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (Path chunk : split(file, IMPORT_CHUNK, chunks)) {
            ImportInfo info = imports.submit(new ImportRequest(dataset, chunk, file.getFileName().toString(), ImportFormat.CSV,
                    StandardCharsets.UTF_8), "bench");
            ids.add(info.job() != null ? info.job().id() : info.id());
            Files.delete(chunk); // the import has its own copy
        }
        Map<String, Long> counters = new TreeMap<>();
        long lastPrint = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            JobInfo job;
            while (!(job = jobs.find(ids.get(i)).orElseThrow()).state().terminal()) {
                Thread.sleep(100);
                if (System.nanoTime() - lastPrint > 60_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "    %s: %d of %d files imported%n", dataset, i, ids.size());
                }
            }
            if (job.state() != JobState.SUCCEEDED) {
                throw new IllegalStateException(dataset + " import " + job.state() + ": " + job.message());
            }
            job.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
        }
        return counters;
    }

    /**
     * Cuts a CSV file into files of at most {@code rows} records under the same header. Records
     * end at a line break outside quotes (free text may hold line breaks); bytes are kept as they are.
     */
    static List<Path> split(Path file, int rows, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> parts = new ArrayList<>();
        String name = file.getFileName().toString().replace(".csv", "");
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return parts;
            }
            char[] buffer = new char[1 << 16];
            java.io.Writer out = null;
            int records = rows;
            boolean quoted = false;
            boolean atStart = true;
            int n;
            while ((n = in.read(buffer)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (atStart) {
                        if (records == rows) {
                            if (out != null) {
                                out.write(buffer, from, i - from);
                                out.close();
                            }
                            Path part = directory.resolve(String.format(Locale.ROOT, "%s-%05d.csv", name, parts.size()));
                            parts.add(part);
                            out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                            out.write(header);
                            out.write("\r\n");
                            from = i;
                            records = 0;
                        }
                        atStart = false;
                    }
                    char ch = buffer[i];
                    if (ch == '"') {
                        quoted = !quoted;
                    } else if (ch == '\n' && !quoted) {
                        records++;
                        atStart = true;
                    }
                }
                if (out != null) {
                    out.write(buffer, from, n - from);
                }
            }
            if (out != null) {
                out.close();
            }
        }
        return parts;
    }

    /** Tags of earlier runs of the bench go: the first run starts on an empty tag table, as after an import. */
    private static void clearTags(EmbeddedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sh_job WHERE job_type = '" + TagRun.JOB_TYPE + "'");
            s.executeUpdate("DELETE FROM sh_tag_run");
            s.execute("TRUNCATE TABLE sh_customer_tags");
            s.execute("TRUNCATE TABLE sh_tag_count");
        }
    }

    /**
     * The four themes of the distribution with their default configurations, as Declarative
     * Services binds them (also the swipe bench's, which tags its province before swiping).
     */
    static ActiveThemes themes() throws ReflectiveOperationException {
        ActiveThemes themes = new ActiveThemes();
        List<TagTheme> all = List.of(new FeeRiskTheme(Annotations.of(FeeRiskConfig.class)),
                new CreditTheme(Annotations.of(CreditConfig.class)),
                new ChannelPreferenceTheme(Annotations.of(ChannelPreferenceConfig.class)), consumptionTheme());
        for (int i = 0; i < all.size(); i++) {
            themes.add(new ActiveThemes.Binding(all.get(i).id(), "1.0.0", all.get(i), 0, i + 1));
        }
        return themes;
    }

    /** The consumption theme is activated by Declarative Services through a package-private method. */
    private static TagTheme consumptionTheme() throws ReflectiveOperationException {
        ConsumptionTheme theme = new ConsumptionTheme();
        Method activate = ConsumptionTheme.class.getDeclaredMethod("activate", ConsumptionConfig.class);
        activate.setAccessible(true);
        activate.invoke(theme, Annotations.of(ConsumptionConfig.class));
        return theme;
    }

    // ------------------------------------------------------------------ tagging

    record Tagging(double seconds, long customers, long tags, HeapWatch.Peak heap) {
        double rate() {
            return customers / seconds;
        }
    }

    static Tagging tag(TagEngine engine, JobRunner runner, LocalDate asOf, String what, boolean profile)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n%s (load average %s)%n", what, load());
        System.gc();
        HeapWatch heap = HeapWatch.start();
        StackSampler sampler = profile ? StackSampler.start("smarthall-job") : null;
        long t0 = System.nanoTime();
        TagRun run = engine.start(new TagRunRequest(TagRun.FULL, asOf), "bench");
        JobInfo job;
        long nextPrint = t0 + 5_000_000_000L;
        while (!(job = runner.find(run.id()).orElseThrow()).state().terminal()) {
            Thread.sleep(100);
            if (System.nanoTime() >= nextPrint) {
                nextPrint += 5_000_000_000L;
                double s = seconds(t0);
                System.out.printf(Locale.ROOT, "  %5.1f s: %,d of %,d customers, partitions %d/%d, %,.0f/s, heap %d MB%n", s,
                        job.progress().done(), job.progress().total(), job.progress().partitionsDone(),
                        job.progress().partitionsTotal(), job.progress().done() / s, heap.used() / MB);
            }
        }
        double seconds = seconds(t0);
        HeapWatch.Peak peak = heap.stop();
        if (sampler != null) {
            sampler.stop().print();
        }
        if (job.state() != JobState.SUCCEEDED) {
            throw new IllegalStateException("tagging run " + job.state() + ": " + job.message());
        }
        long customers = job.counters().getOrDefault("customers", 0L);
        long tags = job.counters().getOrDefault("tags", 0L);
        System.out.printf(Locale.ROOT, "%s: %,d customers, %,d tags in %.1f s = %,.0f customers/s (job %.1f s, %d partitions);"
                + " counters %s%n", what, customers, tags, seconds, customers / seconds,
                Duration.between(job.started(), job.finished()).toMillis() / 1000.0, job.progress().partitionsTotal(),
                job.counters());
        System.out.printf(Locale.ROOT, "heap: peak used %d MB (sampled every 200 ms), peak after GC %d MB, %d GCs taking %.1f s"
                + " (load average %s)%n", peak.peakUsed() / MB, peak.peakAfterGc() / MB, peak.collections(),
                peak.gcMillis() / 1000.0, load());
        return new Tagging(seconds, customers, tags, peak);
    }

    private static void printDistribution(String theme, List<TagCount> counts, long customers) {
        Map<String, List<TagCount>> byDimension = new TreeMap<>();
        for (TagCount c : counts) {
            byDimension.computeIfAbsent(c.dimension(), k -> new ArrayList<>()).add(c);
        }
        System.out.println("distribution of " + theme + ":");
        byDimension.forEach((dimension, values) -> {
            StringBuilder line = new StringBuilder("  ").append(dimension).append(':');
            values.stream().sorted(Comparator.comparingLong(TagCount::customers).reversed()).limit(DISTRIBUTION_VALUES)
                    .forEach(v -> line.append(String.format(Locale.ROOT, " %s %,d (%.1f%%)", v.value(), v.customers(),
                            100.0 * v.customers() / customers)));
            if (values.size() > DISTRIBUTION_VALUES) {
                line.append(String.format(Locale.ROOT, " ... (%,d values in all)", values.size()));
            }
            System.out.println(line);
        });
    }

    // ------------------------------------------------------------------ raw scan

    /**
     * The reader's queries over whole tables (or account halves), read column by column into a
     * checksum: what reading the same rows costs without building snapshots, tagging or writing.
     */
    static final class RawScan {
        /** What a table's window binds. */
        enum Window {
            KINDS, MONTHS, DAYS, TIMES, CREDIT
        }

        @FunctionalInterface
        interface Fold {
            long row(ResultSet rs, long h) throws SQLException;
        }

        record Table(String name, String columns, Window window, String where, String order, Fold fold) {
        }

        record Result(double seconds, long rows, long checksum) {
        }

        static final List<Table> TABLES = List.of(
                new Table("sh_customer", "account, kind, name, id_masked, phone_masked, address, region, supply_unit, industry,"
                        + " contract_kva, opened, sensitive, missing", Window.KINDS,
                        "kind IN (" + "?, ".repeat(CustomerKind.values().length - 1) + "?)", "account", (rs, h) -> {
                            for (int i = 1; i <= 9; i++) {
                                h = fold(h, rs.getString(i));
                            }
                            h = foldDouble(h, rs, 10);
                            h = fold(h, rs.getDate(11));
                            h = fold(h, rs.getString(12));
                            return fold(h, rs.getString(13));
                        }),
                new Table("sh_consumption", "account, month, peak_kwh, flat_kwh, valley_kwh, amount", Window.MONTHS,
                        "month >= ? AND month < ?", "account, month", (rs, h) -> {
                            h = fold(fold(h, rs.getString(1)), rs.getDate(2));
                            h = foldDouble(foldDouble(foldDouble(h, rs, 3), rs, 4), rs, 5);
                            return fold(h, rs.getBigDecimal(6));
                        }),
                new Table("sh_bill", "account, period, amount, due, paid, outstanding", Window.MONTHS,
                        "period >= ? AND period < ?", "account, period", (rs, h) -> {
                            h = fold(fold(fold(h, rs.getString(1)), rs.getDate(2)), rs.getBigDecimal(3));
                            return fold(fold(fold(h, rs.getDate(4)), rs.getDate(5)), rs.getBigDecimal(6));
                        }),
                new Table("sh_payment", "account, paid_on, amount, channel", Window.DAYS, "paid_on >= ? AND paid_on < ?",
                        "account, paid_on", (rs, h) -> fold(fold(fold(fold(h, rs.getString(1)), rs.getDate(2)),
                                rs.getBigDecimal(3)), rs.getString(4))),
                new Table("sh_recharge", "account, occurred_at, amount, channel, success, failure_reason", Window.TIMES,
                        "occurred_at >= ? AND occurred_at < ?", "account, occurred_at", (rs, h) -> {
                            h = fold(fold(fold(h, rs.getString(1)), rs.getTimestamp(2)), rs.getBigDecimal(3));
                            return fold(fold(h, rs.getString(4)) * 31 + rs.getInt(5), rs.getString(6));
                        }),
                new Table("sh_trip", "account, occurred_at, balance", Window.TIMES, "occurred_at >= ? AND occurred_at < ?",
                        "account, occurred_at", (rs, h) -> fold(fold(fold(h, rs.getString(1)), rs.getTimestamp(2)),
                                rs.getBigDecimal(3))),
                new Table("sh_work_order", "account, order_id, channel, kind, opened, resolved, resolution, satisfaction",
                        Window.TIMES, "opened >= ? AND opened < ?", "account, opened", (rs, h) -> {
                            h = fold(fold(fold(fold(h, rs.getString(1)), rs.getString(2)), rs.getString(3)), rs.getString(4));
                            h = fold(fold(fold(h, rs.getTimestamp(5)), rs.getTimestamp(6)), rs.getString(7));
                            int satisfaction = rs.getInt(8);
                            return h * 31 + (rs.wasNull() ? -1 : satisfaction);
                        }),
                new Table("sh_rating", "account, occurred_at, source, score", Window.TIMES,
                        "occurred_at >= ? AND occurred_at < ?", "account, occurred_at",
                        (rs, h) -> fold(fold(fold(h, rs.getString(1)), rs.getTimestamp(2)), rs.getString(3)) * 31 + rs.getInt(4)),
                new Table("sh_contact", "account, occurred_at, channel, kind", Window.TIMES,
                        "occurred_at >= ? AND occurred_at < ?", "account, occurred_at", (rs, h) -> fold(fold(fold(fold(h,
                                rs.getString(1)), rs.getTimestamp(2)), rs.getString(3)), rs.getString(4))),
                new Table("sh_zone_event_account", "account, occurred_at, hall, visitor, zone", Window.TIMES,
                        "occurred_at >= ? AND occurred_at < ?", "account, occurred_at", (rs, h) -> fold(fold(fold(fold(fold(h,
                                rs.getString(1)), rs.getTimestamp(2)), rs.getString(3)), rs.getString(4)), rs.getString(5))),
                new Table("sh_credit_record", "account, reported, source, kind, status, amount, overdue_days", Window.CREDIT,
                        "reported >= ? AND reported < ?", "account, reported", (rs, h) -> {
                            h = fold(fold(fold(fold(h, rs.getString(1)), rs.getDate(2)), rs.getString(3)), rs.getString(4));
                            h = fold(fold(h, rs.getString(5)), rs.getBigDecimal(6));
                            int days = rs.getInt(7);
                            return h * 31 + (rs.wasNull() ? -1 : days);
                        }));

        private final EmbeddedDataSource ds;
        private final Date firstMonth;
        private final Date endMonth;
        private final Timestamp since;
        private final Timestamp until;
        private final Date sinceDay;
        private final Date untilDay;
        private final Date creditSince;

        /** The windows of {@link CustomerSnapshotReader}. */
        RawScan(EmbeddedDataSource ds, LocalDate asOf, int months) {
            this.ds = ds;
            YearMonth first = YearMonth.from(asOf).minusMonths(months);
            this.firstMonth = Date.valueOf(first.atDay(1));
            this.endMonth = Date.valueOf(YearMonth.from(asOf).atDay(1));
            this.since = Timestamp.from(first.atDay(1).atStartOfDay(Codes.TIME_ZONE).toInstant());
            this.until = Timestamp.from(asOf.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toInstant());
            this.sinceDay = Date.valueOf(first.atDay(1));
            this.untilDay = Date.valueOf(asOf.plusDays(1));
            this.creditSince = Date.valueOf(first.atDay(1).minusMonths(12));
        }

        Result scan(int threads) throws Exception {
            // as the engine's ranges: from the first customer's account, the last one open (rows of no
            // customer, such as ratings without an account, are left out as the engine leaves them out)
            List<String> bounds = splitPoints(threads);
            List<String[]> ranges = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ranges.add(new String[] {bounds.get(i), i == threads - 1 ? null : bounds.get(i + 1)});
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            try {
                List<Future<Map<String, long[]>>> parts = new ArrayList<>();
                for (String[] range : ranges) {
                    parts.add(pool.submit(() -> scanRange(range[0], range[1])));
                }
                Map<String, long[]> total = new LinkedHashMap<>(); // rows, checksum, nanos
                for (Future<Map<String, long[]>> part : parts) {
                    part.get().forEach((table, f) -> total.merge(table, f.clone(),
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
                }
                double seconds = seconds(t0);
                long rows = 0;
                long checksum = 0;
                StringBuilder line = new StringBuilder();
                for (Map.Entry<String, long[]> e : total.entrySet()) {
                    rows += e.getValue()[0];
                    checksum = checksum * 31 + e.getValue()[1];
                    line.append(String.format(Locale.ROOT, "  %-22s %,12d rows %6.1f s%s%n", e.getKey(), e.getValue()[0],
                            e.getValue()[2] / 1e9 / threads, threads == 1 ? "" : " (thread average)"));
                }
                System.out.print(line);
                System.out.printf(Locale.ROOT, "  %,d rows in %.1f s = %,.0f rows/s on %d thread(s), checksum %016x%n", rows,
                        seconds, rows / seconds, threads, checksum);
                return new Result(seconds, rows, checksum);
            } finally {
                pool.shutdown();
            }
        }

        /** The first account of each of {@code parts} equal parts of the customers, in account order. */
        private List<String> splitPoints(int parts) throws SQLException {
            List<String> bounds = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                long customers;
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sh_customer")) {
                    rs.next();
                    customers = rs.getLong(1);
                }
                for (int i = 0; i < parts; i++) {
                    try (ResultSet rs = s.executeQuery("SELECT account FROM sh_customer ORDER BY account OFFSET "
                            + customers * i / parts + " ROWS FETCH NEXT 1 ROWS ONLY")) {
                        rs.next();
                        bounds.add(rs.getString(1));
                    }
                }
            }
            return bounds;
        }

        /** Every table over accounts [from, to) ({@code null}: open); per table rows, checksum, nanoseconds. */
        private Map<String, long[]> scanRange(String from, String to) throws SQLException {
            Map<String, long[]> figures = new LinkedHashMap<>();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                for (Table t : TABLES) {
                    long t0 = System.nanoTime();
                    StringBuilder sql = new StringBuilder("SELECT ").append(t.columns()).append(" FROM ").append(t.name())
                            .append(' ');
                    sql.append(derbyHint(t.name()));
                    sql.append("WHERE ").append(t.where());
                    if (from != null) {
                        sql.append(" AND account >= ?");
                    }
                    if (to != null) {
                        sql.append(" AND account < ?");
                    }
                    sql.append(" ORDER BY ").append(t.order());
                    long rows = 0;
                    long h = 0;
                    try (PreparedStatement s = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                            ResultSet.CONCUR_READ_ONLY)) {
                        s.setFetchSize(1000);
                        int next = bind(s, t.window());
                        if (from != null) {
                            s.setString(next++, from);
                        }
                        if (to != null) {
                            s.setString(next, to);
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                h += t.fold().row(rs, 17); // a sum: the same whichever thread reads a row
                                rows++;
                            }
                        }
                    }
                    figures.put(t.name(), new long[] {rows, h, System.nanoTime() - t0});
                }
                c.commit();
            }
            return figures;
        }

        private int bind(PreparedStatement s, Window window) throws SQLException {
            switch (window) {
                case KINDS -> {
                    int i = 1;
                    for (CustomerKind kind : CustomerKind.values()) {
                        s.setString(i++, kind.name());
                    }
                    return i;
                }
                case MONTHS -> {
                    s.setDate(1, firstMonth);
                    s.setDate(2, endMonth);
                }
                case DAYS -> {
                    s.setDate(1, sinceDay);
                    s.setDate(2, untilDay);
                }
                case TIMES -> {
                    s.setTimestamp(1, since);
                    s.setTimestamp(2, until);
                }
                case CREDIT -> {
                    s.setDate(1, creditSince);
                    s.setDate(2, untilDay);
                }
            }
            return 3;
        }

        /** The index the reader names, leading with the account. */
        private static String derbyHint(String table) {
            String index = switch (table) {
                case "sh_customer", "sh_consumption", "sh_bill", "sh_trip", "sh_zone_event_account" ->
                    "constraint=" + table.toUpperCase(Locale.ROOT) + "_PK";
                default -> "index=" + table.toUpperCase(Locale.ROOT) + "_ACCOUNT";
            };
            return "--DERBY-PROPERTIES " + index + "\n";
        }

        private static long fold(long h, String s) {
            return h * 31 + (s == null ? 0 : s.hashCode());
        }

        private static long fold(long h, java.util.Date d) {
            return h * 31 + (d == null ? 0 : d.getTime());
        }

        private static long fold(long h, BigDecimal d) {
            return h * 31 + (d == null ? 0 : d.hashCode());
        }

        private static long foldDouble(long h, ResultSet rs, int column) throws SQLException {
            double v = rs.getDouble(column);
            return h * 31 + (rs.wasNull() ? -1 : Double.hashCode(v));
        }
    }

    // ------------------------------------------------------------------ memory

    /** Heap used, sampled every 200 ms, and the heap left after each garbage collection. */
    static final class HeapWatch {
        record Peak(long peakUsed, long peakAfterGc, long collections, long gcMillis) {
        }

        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final AtomicLong gcMillis = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener;
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            listener = (notification, handback) -> {
                if (!"com.sun.management.gc.notification".equals(notification.getType())) {
                    return;
                }
                CompositeData info = (CompositeData) notification.getUserData();
                CompositeData gcInfo = (CompositeData) info.get("gcInfo");
                long after = 0;
                for (Object entry : ((javax.management.openmbean.TabularData) gcInfo.get("memoryUsageAfterGc")).values()) {
                    CompositeData e = (CompositeData) entry;
                    if (heapPool((String) e.get("key"))) {
                        after += MemoryUsage.from((CompositeData) e.get("value")).getUsed();
                    }
                }
                peakAfterGc.accumulateAndGet(after, Math::max);
                collections.incrementAndGet();
                gcMillis.addAndGet((Long) gcInfo.get("duration"));
            };
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        private static boolean heapPool(String name) {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getName().equals(name)) {
                    return pool.getType() == MemoryType.HEAP;
                }
            }
            return false;
        }

        long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        Peak stop() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
            peakUsed.accumulateAndGet(used(), Math::max);
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
            return new Peak(peakUsed.get(), peakAfterGc.get(), collections.get(), gcMillis.get());
        }
    }

    // ------------------------------------------------------------------ profile

    /**
     * Samples the stacks of the job threads every 50 ms: where a partition spends its time, by the
     * innermost SmartHall frame (with the frame below it) and by whether Derby is on top.
     */
    static final class StackSampler {
        private final String prefix;
        private final Map<String, Long> byFrame = new HashMap<>();
        private final Map<String, Long> byPhase = new TreeMap<>();
        private final Map<String, Long> byPhaseAndTop = new TreeMap<>();
        private long samples;
        private final Thread thread;
        private volatile boolean running = true;

        private StackSampler(String prefix) {
            this.prefix = prefix;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            thread = new Thread(() -> {
                while (running) {
                    for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                        if (info.getThreadName().startsWith(prefix)) {
                            sample(info.getStackTrace(), info.getThreadState());
                        }
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-stack-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static StackSampler start(String prefix) {
            return new StackSampler(prefix);
        }

        private void sample(StackTraceElement[] stack, Thread.State state) {
            int inner = -1;
            for (int i = 0; i < stack.length; i++) {
                if (stack[i].getClassName().startsWith("org.smarthall.")) {
                    inner = i;
                    break;
                }
            }
            if (inner < 0) {
                return; // idle pool thread
            }
            samples++;
            String phase = phase(stack);
            String top = stack.length == 0 ? "?" : stack[0].getClassName().startsWith("org.apache.derby") ? "derby"
                    : stack[0].getClassName().startsWith("org.smarthall.") ? "smarthall" : frame(stack[0]);
            byPhase.merge(phase, 1L, Long::sum);
            byPhaseAndTop.merge(phase + " [" + top + (state == Thread.State.RUNNABLE ? "" : ", " + state) + "]", 1L, Long::sum);
            String key = frame(stack[inner]);
            for (int i = inner + 1; i < stack.length; i++) {
                if (stack[i].getClassName().startsWith("org.smarthall.") && !stack[i].getMethodName().startsWith("lambda$")) {
                    key += " <- " + frame(stack[i]);
                    break;
                }
            }
            byFrame.merge(key + (top.equals("derby") ? " (in Derby)" : ""), 1L, Long::sum);
        }

        /** The engine's phase a stack is in, from the outermost recognised frame inwards. */
        private static String phase(StackTraceElement[] stack) {
            for (StackTraceElement f : stack) {
                String c = f.getClassName();
                if (c.startsWith("org.smarthall.tag.")) {
                    return "theme " + c.substring("org.smarthall.tag.".length(), c.indexOf(".internal"));
                }
            }
            for (StackTraceElement f : stack) {
                String c = f.getClassName();
                if (c.endsWith("TagDocument")) {
                    return "encode tag documents";
                }
                if (c.endsWith("TagStore")) {
                    return "tag store: " + f.getMethodName();
                }
                if (c.startsWith("org.smarthall.store.internal.CustomerSnapshotReader")) {
                    return Stream.of(stack).anyMatch(g -> g.getMethodName().equals("ranges")) ? "plan: account ranges"
                            : "read snapshots";
                }
                if (c.startsWith("org.smarthall.jobs.")) {
                    return "job runner: " + f.getMethodName();
                }
            }
            return "other";
        }

        private static String frame(StackTraceElement f) {
            String c = f.getClassName();
            return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + ":" + f.getLineNumber();
        }

        StackSampler stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            return this;
        }

        void print() {
            System.out.printf(Locale.ROOT, "profile: %,d samples of busy %s* threads (every 50 ms)%n", samples, prefix);
            byPhase.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
            System.out.println("  by the frame on top of the stack:");
            byPhaseAndTop.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
            System.out.println("  innermost SmartHall frames:");
            byFrame.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Loads every class of the SmartHall jars and directories on the class path now: a build of
     * the reactor installs new jars into the local repository while a run of an hour goes on, and
     * a class first loaded from a jar rewritten under the JVM fails with NoClassDefFoundError.
     */
    static int preloadSmartHallClasses() {
        ClassLoader loader = TaggingBench.class.getClassLoader();
        int loaded = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            boolean ours = name.startsWith("org.smarthall.") || name.startsWith("smarthall-test-support")
                    || entry.contains("bench" + java.io.File.separator + "target");
            if (!ours) {
                continue;
            }
            List<String> classes = new ArrayList<>();
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> classes.add(path.relativize(f).toString()));
                    }
                } else if (Files.isRegularFile(path)) {
                    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(path.toFile())) {
                        jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class"))
                                .forEach(classes::add);
                    }
                }
            } catch (IOException e) {
                continue;
            }
            for (String file : classes) {
                if (file.endsWith("module-info.class") || file.endsWith("package-info.class")) {
                    continue;
                }
                String className = file.substring(0, file.length() - ".class".length()).replace('/', '.').replace('\\', '.');
                try {
                    Class.forName(className, false, loader);
                    loaded++;
                } catch (Throwable e) { // NOPMD a class needing what is not on the class path (Karaf shell)
                    // not needed here
                }
            }
        }
        return loaded;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static void shutdown(EmbeddedDataSource ds) {
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a shutdown with an exception (08006)
        } finally {
            ds.setShutdownDatabase(null);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private TaggingBench() {
    }
}
