package org.smarthall.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.customer.CustomerSummary;
import org.smarthall.api.ingest.Datasets;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportReject;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.ingest.ImportService;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobProgress;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;
import org.smarthall.api.tag.TagRuns;
import org.smarthall.testing.Annotations;

class DemoLoaderTest {
    /** 10 February 2026 in China: the demo data ends on 31 January. */
    private static final Clock FEBRUARY = Clock.fixed(Instant.parse("2026-02-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Clock MARCH = Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private final Jobs jobs = new Jobs();
    private final Imports imports = new Imports(jobs);
    private final Customers customers = new Customers();
    private final Tagging tagging = new Tagging();
    private final List<DemoLoader> loaders = new ArrayList<>();

    @AfterEach
    void stopLoaders() {
        loaders.forEach(DemoLoader::deactivate);
    }

    private Path demo() {
        return data.resolve("smarthall/demo");
    }

    private DemoLoader start(boolean loadOnFirstBoot, Clock clock) {
        return start(tagging, config(loadOnFirstBoot, true), clock);
    }

    private DemoLoader start(TagRuns tagRuns, DemoConfig config, Clock clock) {
        DemoLoader loader = new DemoLoader(imports, jobs, customers, tagRuns, demo(), config, Duration.ofMillis(5),
                Duration.ofMillis(50), clock);
        loaders.add(loader);
        return loader;
    }

    private static void finished(DemoLoader loader) {
        assertTrue(loader.finished(DEADLINE), "the loader ends");
    }

    private List<String> marker() throws IOException {
        return new DemoDirectory(demo()).loaded();
    }

    @Test
    void loadsEveryDatasetInLoadOrderWaitingForEachJob() throws Exception {
        finished(start(true, FEBRUARY));

        assertEquals(Datasets.ALL, imports.datasets());
        assertEquals(List.of(), imports.overlaps, "each import starts after the one before has ended");
        for (ImportRequest request : imports.requests) {
            assertEquals(demo().resolve(request.dataset() + ".csv"), request.file());
            assertEquals(request.dataset() + ".csv", request.fileName());
            assertEquals(ImportFormat.CSV, request.format());
            assertEquals(StandardCharsets.UTF_8, request.charset());
        }
        assertEquals(Set.of(DemoLoader.USER), Set.copyOf(imports.users));
        assertEquals(Datasets.ALL, marker());
        GeneratorSettings recorded = new DemoDirectory(demo()).recorded().orElseThrow();
        assertEquals(LocalDate.of(2026, 1, 31), recorded.until(), "data up to the end of the previous month");
        assertEquals(1_000, recorded.residents());
    }

    @Test
    void aRestartContinuesFromTheMarkerWithTheSameFiles() throws Exception {
        jobs.hold(Datasets.BILLS);
        DemoLoader first = start(true, FEBRUARY);
        eventually(() -> jobs.unfinished(Datasets.BILLS).isPresent(), "the bills import is under way");
        first.deactivate();
        assertTrue(first.finished(Duration.ZERO), "deactivation stops the loader");
        assertEquals(List.of(Datasets.CUSTOMERS, Datasets.HALLS, Datasets.CONSUMPTION), marker());
        String customersFile = DemoLoader.sha256(demo().resolve("customers.csv"));

        // the store now holds the customers imported so far, and the restart is a month later
        customers.counts.put(CustomerKind.PREPAID_RESIDENT, 700L);
        long bills = jobs.unfinished(Datasets.BILLS).orElseThrow().id();
        int polledBefore = jobs.finds(bills);
        DemoLoader second = start(true, MARCH);
        eventually(() -> jobs.finds(bills) > polledBefore + 3, "the restarted loader waits for the bills import still running");
        jobs.release(Datasets.BILLS);
        finished(second);

        assertEquals(Datasets.ALL, imports.datasets(), "every dataset imported once, bills not twice");
        assertEquals(Datasets.ALL, marker());
        assertEquals(customersFile, DemoLoader.sha256(demo().resolve("customers.csv")), "the files were kept");
        assertEquals(LocalDate.of(2026, 1, 31), new DemoDirectory(demo()).recorded().orElseThrow().until());
    }

    @Test
    void aStoreWithCustomersAndNoLoadUnderWayIsLeftAlone() throws Exception {
        customers.counts.put(CustomerKind.ENTERPRISE, 1L);
        finished(start(true, FEBRUARY));

        assertEquals(List.of(), imports.requests);
        assertFalse(Files.exists(demo().resolve("customers.csv")), "nothing generated");
        assertFalse(new DemoDirectory(demo()).hasMarker());
    }

    @Test
    void anImportOfTheSameFileAlreadyRunningIsWaitedForNotSubmittedAgain() throws Exception {
        // a deterministic province: the same settings elsewhere give the file the loader will write
        GeneratorSettings same = new GeneratorSettings(5L, 1_000, 1, LocalDate.of(2026, 1, 31), 2, StandardCharsets.UTF_8);
        GenerationResult twin = new ProvinceGenerator(same).generate(data.resolve("twin"), (done, total) -> {
        });
        long running = jobs.create(Datasets.CUSTOMERS, DemoLoader.sha256(twin.file(Datasets.CUSTOMERS)), JobState.RUNNING);
        jobs.hold(Datasets.CUSTOMERS);

        DemoLoader loader = start(true, FEBRUARY);
        eventually(() -> jobs.finds(running) > 3, "the loader waits for the running import");
        assertEquals(List.of(), imports.requests, "nothing submitted while it runs");
        jobs.release(Datasets.CUSTOMERS);
        finished(loader);

        assertEquals(Datasets.ALL.subList(1, Datasets.ALL.size()), imports.datasets());
        assertEquals(Datasets.ALL, marker());
    }

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"FAILED", "CANCELLED"})
    void anImportThatDoesNotSucceedStopsTheLoad(JobState outcome) throws Exception {
        jobs.outcome(Datasets.BILLS, outcome);
        finished(start(true, FEBRUARY));

        assertEquals(List.of(Datasets.CUSTOMERS, Datasets.HALLS, Datasets.CONSUMPTION, Datasets.BILLS), imports.datasets());
        assertEquals(List.of(Datasets.CUSTOMERS, Datasets.HALLS, Datasets.CONSUMPTION), marker());
    }

    @Test
    void loadOnFirstBootFalseDoesNothing() throws Exception {
        finished(start(false, FEBRUARY));

        assertEquals(List.of(), imports.requests);
        assertFalse(Files.exists(demo()), "not even the directory");
    }

    @Test
    void aLoadedProvinceIsNotLoadedAgain() throws Exception {
        finished(start(true, FEBRUARY));
        int submitted = imports.requests.size();
        customers.counts.put(CustomerKind.RESIDENT, 300L);

        finished(start(true, MARCH));
        assertEquals(submitted, imports.requests.size());
        assertEquals(Datasets.ALL, marker());
    }

    /** A demo loaded before the credit feed was a dataset gets just that dataset, for the month it was loaded for. */
    @Test
    void aDatasetAddedSinceTheLoadIsImportedFromTheSameProvince() throws Exception {
        finished(start(true, FEBRUARY));
        String customersFile = DemoLoader.sha256(demo().resolve("customers.csv"));
        String creditFile = DemoLoader.sha256(demo().resolve("credit_records.csv"));
        // as an older version left it: no credit file, and not in the marker
        Files.delete(demo().resolve("credit_records.csv"));
        List<String> before = new ArrayList<>(Datasets.ALL);
        before.remove(Datasets.CREDIT_RECORDS);
        Files.write(demo().resolve(DemoDirectory.MARKER), before, StandardCharsets.UTF_8);
        customers.counts.put(CustomerKind.RESIDENT, 700L);
        int submitted = imports.requests.size();

        finished(start(true, MARCH));
        assertEquals(List.of(Datasets.CREDIT_RECORDS), imports.datasets().subList(submitted, imports.requests.size()));
        assertEquals(Set.copyOf(Datasets.ALL), Set.copyOf(marker()));
        assertEquals(LocalDate.of(2026, 1, 31), new DemoDirectory(demo()).recorded().orElseThrow().until(),
                "still the month the rest was loaded for");
        assertEquals(creditFile, DemoLoader.sha256(demo().resolve("credit_records.csv")));
        assertEquals(customersFile, DemoLoader.sha256(demo().resolve("customers.csv")), "the same province again");
    }

    // ------------------------------------------------------------------ the tagging run after the load

    @Test
    void aFullTaggingRunAsOfTheDataLastDayStartsOnceTheImportsHaveSucceeded() throws Exception {
        finished(start(true, FEBRUARY));

        assertEquals(List.of(new TagRunRequest(TagRun.FULL, LocalDate.of(2026, 1, 31))), tagging.requests);
        assertEquals(List.of(DemoLoader.USER), tagging.users);
        assertEquals(Datasets.ALL.size(), tagging.importsBeforeStart, "started after the last import");
        assertEquals(Optional.of("started run 41 as of 2026-01-31"), new DemoDirectory(demo()).tagRun());
    }

    @Test
    void aRestartDoesNotStartAnotherTaggingRun() throws Exception {
        finished(start(true, FEBRUARY));
        customers.counts.put(CustomerKind.RESIDENT, 300L);

        finished(start(true, MARCH));
        assertEquals(1, tagging.requests.size(), "one run per demo install");
    }

    @Test
    void aRestartAfterTheLastImportAndBeforeTheRunStartsIt() throws Exception {
        // the load ends while the tag engine is not there yet, and the loader stops before it gives up
        DemoLoader first = new DemoLoader(imports, jobs, customers, null, demo(), config(true, true),
                Duration.ofMillis(5), DEADLINE, FEBRUARY);
        loaders.add(first);
        eventually(() -> {
            try {
                return new DemoDirectory(demo()).loaded().containsAll(Datasets.ALL);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "every dataset imported");
        first.deactivate();
        assertEquals(Optional.of(DemoDirectory.TAG_RUN_DUE), new DemoDirectory(demo()).tagRun());
        customers.counts.put(CustomerKind.RESIDENT, 300L);

        finished(start(true, MARCH));
        assertEquals(List.of(new TagRunRequest(TagRun.FULL, LocalDate.of(2026, 1, 31))), tagging.requests,
                "as of the data's last day, not the restart's month");
    }

    @Test
    void tagAfterLoadFalseStartsNoRun() throws Exception {
        finished(start(tagging, config(true, false), FEBRUARY));

        assertEquals(Datasets.ALL, marker(), "the load itself as ever");
        assertEquals(List.of(), tagging.requests);
        assertEquals(Optional.empty(), new DemoDirectory(demo()).tagRun());
    }

    @Test
    void aRunAlreadyUnderWayDoesNotBreakTheLoad() throws Exception {
        tagging.refusal = new ConflictException("tagging run 7 is under way");
        finished(start(true, FEBRUARY));

        assertEquals(Datasets.ALL, marker());
        assertEquals(1, tagging.requests.size());
        assertEquals(Optional.of("not started: tagging run 7 is under way"), new DemoDirectory(demo()).tagRun());

        tagging.refusal = null;
        customers.counts.put(CustomerKind.RESIDENT, 300L);
        finished(start(true, MARCH));
        assertEquals(1, tagging.requests.size(), "tried once per demo install");
    }

    @Test
    void noThemeInstalledDoesNotBreakTheLoad() throws Exception {
        tagging.refusal = new InvalidInputException("themes", "no tag theme is active");
        finished(start(true, FEBRUARY));

        assertEquals(Datasets.ALL, marker());
        assertEquals(Optional.of("not started: themes: no tag theme is active"), new DemoDirectory(demo()).tagRun());
    }

    @Test
    void withoutTheTaggingFeatureTheLoadEndsAsEver() throws Exception {
        finished(start(null, config(true, true), FEBRUARY));

        assertEquals(Datasets.ALL, marker());
        assertEquals(Optional.of("not started: no tagging service"), new DemoDirectory(demo()).tagRun());
    }

    @Test
    void aProvinceLoadedBeforeTaggingRunsIsNotTaggedOnUpgrade() throws Exception {
        finished(start(true, FEBRUARY));
        // as an older version left it: no tag-run.txt
        Files.delete(demo().resolve(DemoDirectory.TAG_RUN));
        customers.counts.put(CustomerKind.RESIDENT, 300L);
        tagging.requests.clear();

        finished(start(true, MARCH));
        assertEquals(List.of(), tagging.requests);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static DemoConfig config(boolean loadOnFirstBoot, boolean tagAfterLoad) {
        return Annotations.of(DemoConfig.class, Map.of("loadOnFirstBoot", loadOnFirstBoot, "residents", 1_000,
                "halls", 1, "seed", 5L, "eventDays", 2, "tagAfterLoad", tagAfterLoad));
    }

    /** The tag engine: records the runs asked for, or refuses them as told. */
    final class Tagging implements TagRuns {
        final List<TagRunRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> users = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile RuntimeException refusal;
        volatile int importsBeforeStart = -1;

        @Override
        public TagRun start(TagRunRequest request, String user) {
            requests.add(request);
            users.add(user);
            importsBeforeStart = jobs.anyUnfinished() ? -2 : imports.requests.size();
            if (refusal != null) {
                throw refusal;
            }
            return new TagRun(41, request.mode(), request.asOf(), null, List.of("consumption@1.0"), null);
        }

        @Override
        public Optional<TagRun> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TagRun> list(int offset, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** Import jobs that run as the loader polls them: queued, running, then their outcome. */
    static final class Jobs implements JobService {
        private final Map<Long, JobInfo> jobs = new LinkedHashMap<>();
        private final Map<Long, Integer> finds = new HashMap<>();
        private final Map<String, JobState> outcomes = new HashMap<>();
        private final Set<String> held = new HashSet<>();
        private long next = 1;

        synchronized void hold(String dataset) {
            held.add(dataset);
        }

        synchronized void release(String dataset) {
            held.remove(dataset);
        }

        synchronized void outcome(String dataset, JobState state) {
            outcomes.put(dataset, state);
        }

        synchronized long create(String dataset, String sha256, JobState state) {
            long id = next++;
            jobs.put(id, new JobInfo(id, ImportService.JOB_TYPE, state, Map.of("dataset", dataset, "sha256", sha256),
                    DemoLoader.USER, Instant.EPOCH, null, null, new JobProgress(0, 0, 0, 0, 0, null), Map.of(), null));
            return id;
        }

        synchronized JobInfo get(long id) {
            return jobs.get(id);
        }

        synchronized int finds(long id) {
            return finds.getOrDefault(id, 0);
        }

        synchronized Optional<JobInfo> unfinished(String dataset) {
            return jobs.values().stream().filter(j -> !j.state().terminal() && dataset.equals(j.parameters().get("dataset")))
                    .findFirst();
        }

        synchronized boolean anyUnfinished() {
            return jobs.values().stream().anyMatch(j -> !j.state().terminal());
        }

        @Override
        public synchronized Optional<JobInfo> find(long id) {
            finds.merge(id, 1, Integer::sum);
            JobInfo job = jobs.get(id);
            if (job == null || job.state().terminal()) {
                return Optional.ofNullable(job);
            }
            String dataset = job.parameters().get("dataset");
            JobState state = job.state() == JobState.QUEUED ? JobState.RUNNING
                    : held.contains(dataset) ? JobState.RUNNING : outcomes.getOrDefault(dataset, JobState.SUCCEEDED);
            String message = state == JobState.FAILED ? "line 2: unknown account" : state == JobState.CANCELLED ? "cancelled" : null;
            JobInfo moved = new JobInfo(id, job.type(), state, job.parameters(), job.submittedBy(), job.submitted(),
                    Instant.EPOCH, state.terminal() ? Instant.EPOCH : null, job.progress(), Map.of("accepted", 1L), message);
            jobs.put(id, moved);
            return Optional.of(moved);
        }

        @Override
        public synchronized List<JobInfo> list(Optional<JobState> state, int offset, int limit) {
            List<JobInfo> newestFirst = new ArrayList<>(jobs.values());
            java.util.Collections.reverse(newestFirst);
            return newestFirst.stream().filter(j -> state.isEmpty() || j.state() == state.get()).skip(offset).limit(limit)
                    .toList();
        }

        @Override
        public synchronized long count(Optional<JobState> state) {
            return jobs.values().stream().filter(j -> state.isEmpty() || j.state() == state.get()).count();
        }

        @Override
        public JobInfo submit(String type, Map<String, String> parameters, String submittedBy) {
            throw new UnsupportedOperationException("imports go through the ImportService");
        }

        @Override
        public JobInfo cancel(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> types() {
            return Set.of(ImportService.JOB_TYPE);
        }
    }

    /** Records the imports asked for; each becomes a job with the parameters the real service gives it. */
    static final class Imports implements ImportService {
        final List<ImportRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> users = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> overlaps = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Jobs jobs;

        Imports(Jobs jobs) {
            this.jobs = jobs;
        }

        List<String> datasets() {
            return requests.stream().map(ImportRequest::dataset).toList();
        }

        @Override
        public ImportInfo submit(ImportRequest request, String user) {
            if (jobs.anyUnfinished()) {
                overlaps.add(request.dataset());
            }
            requests.add(request);
            users.add(user);
            try {
                String sha256 = DemoLoader.sha256(request.file());
                long id = jobs.create(request.dataset(), sha256, JobState.QUEUED);
                JobInfo job = jobs.get(id);
                return new ImportInfo(id, request.dataset(), request.format(), request.charset().name(),
                        request.fileName(), sha256, Files.size(request.file()), job, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<ImportInfo> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ImportReject> rejects(long id, int offset, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** A store with the given number of customers per kind. */
    static final class Customers implements CustomerRepository {
        final Map<CustomerKind, Long> counts = java.util.Collections.synchronizedMap(new EnumMap<>(CustomerKind.class));

        Customers() {
            Stream.of(CustomerKind.values()).forEach(kind -> counts.put(kind, 0L));
        }

        @Override
        public Map<CustomerKind, Long> countByKind() {
            synchronized (counts) {
                return Map.copyOf(counts);
            }
        }

        @Override
        public Optional<CustomerProfile> find(String account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CustomerProfile> findByIdHash(String idHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CustomerProfile> search(String query, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(String query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> phoneNumber(String account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CustomerSummary summary(String account, LocalDate asOf) {
            throw new UnsupportedOperationException();
        }
    }
}
