package org.smarthall.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.jobs.JobContext;
import org.smarthall.api.jobs.JobHandler;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.jobs.PartitionContext;
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagCount;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;
import org.smarthall.api.tag.TagTheme;
import org.smarthall.api.tag.TagValue;
import org.smarthall.jobs.internal.JobRunner;
import org.smarthall.jobs.internal.JobsConfig;
import org.smarthall.store.internal.CustomerSnapshotReader;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.JobRepositoryImpl;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;

/**
 * The tag engine on the real store and job runner: runs, results, distribution, incremental
 * runs, resume after a stop, a theme replaced by a newer version, a theme that fails. Runs on
 * Derby and on PostgreSQL.
 */
abstract class TaggingContract {
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 15);
    static final int CUSTOMERS = 60;

    private DataSource dataSource;
    private EntityManagerFactory emf;
    private DatabaseService database;
    private JobRepositoryImpl repository;
    private JobRunner runner;
    private ActiveThemes themes;
    private TagEngine engine;
    private final FixtureImport fixture = new FixtureImport();

    protected abstract DataSource dataSource(String name);

    protected void release() {
    }

    @BeforeEach
    void setUp() throws SQLException {
        dataSource = dataSource("tagging_" + Long.toHexString(System.nanoTime()));
        database = new DatabaseService(dataSource, Annotations.of(StoreConfig.class));
        emf = Persistence.createEntityManagerFactory("smarthall", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        repository = new JobRepositoryImpl(emf, database);
        themes = new ActiveThemes();
        themes.add(new ActiveThemes.Binding("bills", "1.0.0", new BillsTheme("v1"), 0, 1));
        runner = startRunner();
        engine = new TagEngine(database, new CustomerSnapshotReader(), themes, runner,
                Annotations.of(TaggingConfig.class, Map.of("partitionSize", 7)));
        runner.addHandler(engine);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            baseData(c);
        }
    }

    private JobRunner startRunner() {
        JobRunner r = new JobRunner(repository, database,
                Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", 2, "partitionWorkers", 2, "shutdownGraceSeconds", 1)));
        r.addHandler(fixture);
        return r;
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.deactivate();
        }
        emf.close();
        release();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aFullRunTagsEveryCustomerWithThemeVersionScoreReasonAndTime() throws Exception {
        themes.add(new ActiveThemes.Binding("kind", "2.3.0", new KindTheme(), 0, 2));
        TagRun run = awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        assertEquals(JobState.SUCCEEDED, run.job().state(), run.job().message());
        assertEquals(CUSTOMERS, run.job().counters().get("customers"));
        assertEquals(2L * CUSTOMERS, run.job().counters().get("tags"));
        assertEquals(List.of("bills@1.0.0", "kind@2.3.0"), run.themes());
        assertEquals(9, run.job().progress().partitionsTotal(), "60 customers in partitions of 7");

        List<CustomerTag> tags = engine.of("C0003");
        assertEquals(2, tags.size());
        CustomerTag bills = tags.stream().filter(t -> t.theme().equals("bills")).findFirst().orElseThrow();
        assertEquals("1.0.0", bills.themeVersion());
        assertEquals("bills", bills.dimension());
        assertEquals("some", bills.value());
        assertEquals(3.0, bills.score());
        assertEquals("v1: 3 bills in the window", bills.reason());
        assertEquals(run.id(), bills.runId());
        assertTrue(Duration.between(bills.taggedAt(), Instant.now()).abs().toMinutes() < 5);
        assertTrue(engine.of("NOSUCH").isEmpty());

        // the distribution sums to the customers, per dimension
        List<TagCount> kinds = engine.distribution("kind");
        assertEquals(CUSTOMERS, kinds.stream().mapToLong(TagCount::customers).sum());
        assertEquals(expectedBills(), byValue(engine.distribution("bills")));
    }

    @Test
    void theSnapshotHoldsTheTwelveWholeMonthsBeforeTheAsOfMonth() throws Exception {
        RecordingTheme recording = new RecordingTheme();
        themes.add(new ActiveThemes.Binding("recording", "1.0.0", recording, 0, 3));
        awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        CustomerSnapshot s = recording.seen.get("C0012");
        // bills of 2025-06 .. 2026-07 exist: only 2025-07 .. 2026-06 are in the window
        assertEquals(12, s.bills().size(), s.bills().toString());
        assertEquals("2025-07", s.bills().get(0).period().toString());
        assertEquals("2026-06", s.bills().get(11).period().toString());
        assertEquals(12, s.consumption().size());
        assertEquals(2, s.payments().size(), "a payment before the window is left out");
        assertEquals("wechat", s.payments().get(0).channel());
        assertEquals(1, s.visits().size());
        assertEquals(List.of("entrance", "counter"), s.visits().get(0).zones());
        assertEquals(1, s.credit().size());
        assertEquals("overdue", s.credit().get(0).status());
        assertEquals(Integer.valueOf(30), s.credit().get(0).overdueDays());
        assertEquals(CustomerKind.RESIDENT, s.profile().kind());
        CustomerSnapshot prepaid = recording.seen.get("C0001");
        assertEquals(CustomerKind.PREPAID_RESIDENT, prepaid.profile().kind());
        assertTrue(prepaid.bills().isEmpty());
        assertEquals(1, prepaid.recharges().size());
        assertFalse(prepaid.recharges().get(0).success());
        assertEquals(1, prepaid.trips().size());
        assertEquals(CUSTOMERS, recording.seen.size());

        // as of the last day of a month, that month is whole and counts
        RecordingTheme monthEnd = new RecordingTheme();
        themes.remove(3);
        themes.add(new ActiveThemes.Binding("recording", "1.0.0", monthEnd, 0, 7));
        awaitRun(engine.start(new TagRunRequest("full", LocalDate.of(2026, 6, 30)), "tester"));
        CustomerSnapshot june = monthEnd.seen.get("C0012");
        assertEquals("2025-07", june.bills().get(0).period().toString());
        assertEquals("2026-06", june.bills().get(11).period().toString());
        assertEquals(12, june.consumption().size());
    }

    @Test
    void anIncrementalRunRetagsOnlyCustomersWithNewDataAndKeepsTheDistributionTrue() throws Exception {
        TagRun full = awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        assertEquals(JobState.SUCCEEDED, full.job().state(), full.job().message());

        // an import adds two bills to C0003 ("some" -> "many"), one to C0001 (prepaid: no bills before)
        JobInfo imported = awaitJob(runner.submit(FixtureImport.TYPE, Map.of("accounts", "C0003,C0003,C0001"), "tester").id());
        assertEquals(JobState.SUCCEEDED, imported.state(), imported.message());

        TagRun incremental = awaitRun(engine.start(new TagRunRequest("incremental", AS_OF), "tester"));
        assertEquals(JobState.SUCCEEDED, incremental.job().state(), incremental.job().message());
        assertEquals(2, incremental.job().counters().get("customers"), "only the two customers the import touched");
        assertEquals(full.id(), incremental.baseRun());
        assertEquals(incremental.id(), engine.of("C0003").get(0).runId());
        assertEquals("many", engine.of("C0003").get(0).value());
        assertEquals(full.id(), engine.of("C0004").get(0).runId(), "untouched customers keep their tags");
        assertEquals(expectedBills(), byValue(engine.distribution("bills")), "counts follow the changed tags");
        assertEquals(List.of(incremental.id(), full.id()), engine.distributionRuns());

        // nothing new: an incremental run tags nobody
        TagRun idle = awaitRun(engine.start(new TagRunRequest("incremental", AS_OF), "tester"));
        assertEquals(JobState.SUCCEEDED, idle.job().state(), idle.job().message());
        assertEquals(0, idle.job().counters().getOrDefault("customers", 0L));

        // and a full run agrees with the incremental ones
        awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        assertEquals(expectedBills(), byValue(engine.distribution("bills")));
        assertEquals(1, engine.distributionRuns().size());
    }

    @Test
    void incrementalRunsNeedACompletedFullRunAndRunsDoNotOverlap() throws Exception {
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> engine.start(new TagRunRequest("incremental", AS_OF), "tester"));
        assertEquals("mode", none.violations().get(0).field());
        assertEquals("mode", assertThrows(InvalidInputException.class,
                () -> engine.start(new TagRunRequest("sometimes", AS_OF), "tester")).violations().get(0).field());
        assertEquals("asOf", assertThrows(InvalidInputException.class,
                () -> engine.start(new TagRunRequest("full", LocalDate.now(Codes.TIME_ZONE).plusDays(5)), "tester"))
                .violations().get(0).field());

        BlockingTheme blocking = new BlockingTheme("C0020");
        themes.add(new ActiveThemes.Binding("blocking", "1.0.0", blocking, 0, 4));
        TagRun first = engine.start(new TagRunRequest("full", AS_OF), "tester");
        assertTrue(blocking.reached.await(30, TimeUnit.SECONDS));
        assertThrows(ConflictException.class, () -> engine.start(new TagRunRequest("full", AS_OF), "tester"));
        runner.cancel(first.id());
        blocking.release.countDown();
        assertEquals(JobState.CANCELLED, awaitRun(first).job().state());
        // the cancelled full run left part of the tags rewritten: incremental runs wait for a full one
        InvalidInputException after = assertThrows(InvalidInputException.class,
                () -> engine.start(new TagRunRequest("incremental", AS_OF), "tester"));
        assertTrue(after.getMessage().contains("CANCELLED"), after.getMessage());
    }

    @Test
    void aRunStoppedMidwayResumesAndEndsWithTheTagsOfAnUninterruptedRun() throws Exception {
        TagRun reference = awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        Map<String, String> expected = documents();
        Map<String, Long> expectedCounts = byValue(engine.distribution("bills"));

        BlockingTheme blocking = new BlockingTheme("C0030");
        themes.add(new ActiveThemes.Binding("blocking", "1.0.0", blocking, 0, 4));
        TagRun run = engine.start(new TagRunRequest("full", AS_OF), "tester");
        assertTrue(blocking.reached.await(30, TimeUnit.SECONDS));
        runner.deactivate(); // the node stops with partitions under way
        blocking.release.countDown();
        assertEquals(JobState.RUNNING, repository.find(run.id()).orElseThrow().state());
        themes.remove(4);

        runner = startRunner();
        engine = new TagEngine(database, new CustomerSnapshotReader(), themes, runner,
                Annotations.of(TaggingConfig.class, Map.of("partitionSize", 7)));
        runner.addHandler(engine);
        runner.activate(Annotations.of(JobsConfig.class, Map.of("maxConcurrentJobs", 2, "partitionWorkers", 2, "shutdownGraceSeconds", 1)));
        TagRun resumed = awaitRun(run);
        assertEquals(JobState.SUCCEEDED, resumed.job().state(), resumed.job().message());
        assertEquals(CUSTOMERS, resumed.job().counters().get("customers"), "no partition counted twice");
        Map<String, String> after = documents();
        assertEquals(expected.keySet(), after.keySet());
        // the themes that survived the restart tagged every customer exactly as before
        assertEquals(expectedCounts, byValue(engine.distribution("bills")));
        assertNotEquals(reference.id(), resumed.id());
        String blocked = ",\"blocking\":[\"1.0.0\",[[\"blocking\",\"passed\",0.0,\"passed\"]]]";
        assertTrue(after.values().stream().anyMatch(d -> d.contains(blocked)), "partitions committed before the stop stay");
        assertEquals(List.copyOf(expected.values()), after.values().stream().map(d -> d.replace(blocked, "")).toList());
    }

    @Test
    void aNewerVersionOfAThemeTakesOverAndItsResultsSaySo() throws Exception {
        awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        assertEquals("1.0.0", engine.of("C0003").get(0).themeVersion());

        themes.add(new ActiveThemes.Binding("bills", "1.1.0", new BillsTheme("v2"), 0, 10));
        assertEquals(List.of("bills@1.1.0"), themes.current().stream().map(ActiveThemes.Binding::label).toList());
        TagRun second = awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        assertEquals(List.of("bills@1.1.0"), second.themes());
        CustomerTag tag = engine.of("C0003").get(0);
        assertEquals("1.1.0", tag.themeVersion());
        assertTrue(tag.reason().startsWith("v2:"), tag.reason());
        assertTrue(engine.distribution("bills").stream().allMatch(c -> c.themeVersion().equals("1.1.0")));

        themes.remove(10); // uninstalled: 1.0 is back
        assertEquals(List.of("bills@1.0.0"), themes.current().stream().map(ActiveThemes.Binding::label).toList());
    }

    @Test
    void aThemeThatFailsOnACustomerTagsThemUnknownAndTheRunGoesOn() throws Exception {
        themes.add(new ActiveThemes.Binding("fragile", "1.0.0", (TagTheme) new FragileTheme(), 0, 5));
        TagRun run = awaitRun(engine.start(new TagRunRequest("full", AS_OF), "tester"));
        assertEquals(JobState.SUCCEEDED, run.job().state(), run.job().message());
        assertEquals(1, run.job().counters().get("errors.fragile"));
        CustomerTag failed = engine.of("C0007").stream().filter(t -> t.theme().equals("fragile")).findFirst().orElseThrow();
        assertEquals(TagValue.UNKNOWN, failed.value());
        assertTrue(failed.reason().contains("failed: IllegalStateException"), failed.reason());
        assertEquals("ok", engine.of("C0008").stream().filter(t -> t.theme().equals("fragile")).findFirst()
                .orElseThrow().value());
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Long> expectedBills() throws SQLException {
        Map<String, Long> expected = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT c.account, c.kind, (SELECT COUNT(*) FROM sh_bill b WHERE b.account = c.account AND b.period >= ?"
                        + " AND b.period < ?) FROM sh_customer c")) {
            s.setDate(1, Date.valueOf("2025-07-01"));
            s.setDate(2, Date.valueOf("2026-07-01"));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String value = BillsTheme.value(CustomerKind.valueOf(rs.getString(2)), rs.getInt(3));
                    expected.merge(value, 1L, Long::sum);
                }
            }
        }
        return expected;
    }

    private static Map<String, Long> byValue(List<TagCount> counts) {
        return counts.stream().collect(Collectors.toMap(TagCount::value, TagCount::customers, Long::sum, TreeMap::new));
    }

    private Map<String, String> documents() throws SQLException {
        Map<String, String> docs = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account, tags FROM sh_customer_tags"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                docs.put(rs.getString(1), rs.getString(2));
            }
        }
        return docs;
    }

    private TagRun awaitRun(TagRun run) {
        awaitJob(run.id());
        return engine.find(run.id()).orElseThrow();
    }

    private JobInfo awaitJob(long id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JobInfo job = runner.find(id).orElseThrow();
            if (job.state().terminal()) {
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not end: " + runner.find(id));
    }

    /**
     * 60 customers C0000..C0059: every 3rd prepaid (with a failed recharge and a trip), the rest
     * residents with account-number-dependent bills from 2025-06 to 2026-07 (some outside the
     * window), 14 months of consumption, payments, a visit and a credit record for C0012.
     */
    private static void baseData(Connection c) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement customer = c.prepareStatement("INSERT INTO sh_customer (account, kind, name, region,"
                + " supply_unit, batch_id, updated_at) VALUES (?, ?, ?, '370102', 'Lixia', 1, ?)");
                PreparedStatement bill = c.prepareStatement("INSERT INTO sh_bill (account, period, amount, due, paid,"
                        + " outstanding, batch_id) VALUES (?, ?, 100.00, ?, ?, 0, 1)");
                PreparedStatement consumption = c.prepareStatement("INSERT INTO sh_consumption (account, month, peak_kwh,"
                        + " flat_kwh, valley_kwh, amount, batch_id) VALUES (?, ?, 50, 80, 40, 95.50, 1)")) {
            for (int i = 0; i < CUSTOMERS; i++) {
                String account = account(i);
                boolean prepaid = i % 3 == 1;
                customer.setString(1, account);
                customer.setString(2, (prepaid ? CustomerKind.PREPAID_RESIDENT : CustomerKind.RESIDENT).name());
                customer.setString(3, "Customer " + i);
                customer.setTimestamp(4, now);
                customer.addBatch();
                for (int m = 0; m < 14; m++) {
                    LocalDate month = LocalDate.of(2025, 6, 1).plusMonths(m);
                    consumption.setString(1, account);
                    consumption.setDate(2, Date.valueOf(month));
                    consumption.addBatch();
                    // bills: i % 5 of them in the window, plus the months outside it for C0012
                    boolean inWindow = m >= 1 && m <= 12;
                    if (!prepaid && ((inWindow && m <= i % 5) || (i == 12 && (m >= 1 || !inWindow)))) {
                        bill.setString(1, account);
                        bill.setDate(2, Date.valueOf(month));
                        bill.setDate(3, Date.valueOf(month.plusMonths(1).withDayOfMonth(15)));
                        bill.setDate(4, Date.valueOf(month.plusMonths(1).withDayOfMonth(10)));
                        bill.addBatch();
                    }
                }
            }
            customer.executeBatch();
            consumption.executeBatch();
            bill.executeBatch();
        }
        exec(c, "INSERT INTO sh_payment (payment_id, account, paid_on, amount, channel, batch_id) VALUES"
                + " ('P1', 'C0012', ?, 100.00, 'wechat', 1), ('P2', 'C0012', ?, 100.00, 'app', 1),"
                + " ('P0', 'C0012', ?, 100.00, 'hall', 1)",
                Date.valueOf("2025-08-10"), Date.valueOf("2026-07-15"), Date.valueOf("2025-06-30"));
        exec(c, "INSERT INTO sh_recharge (recharge_id, account, occurred_at, amount, channel, success, failure_reason,"
                + " batch_id) VALUES ('R1', 'C0001', ?, 50.00, 'app', 0, 'bank timeout', 1)", local("2026-03-02T20:15"));
        exec(c, "INSERT INTO sh_trip (account, occurred_at, balance, batch_id) VALUES ('C0001', ?, 8.50, 1)",
                local("2026-03-01T07:00"));
        exec(c, "INSERT INTO sh_zone_event_account (account, occurred_at, hall, visitor, zone, kind) VALUES"
                + " ('C0012', ?, 'H1', 'v1', 'entrance', 'enter'), ('C0012', ?, 'H1', 'v1', 'counter', 'served')",
                local("2026-05-04T09:00"), local("2026-05-04T09:20"));
        exec(c, "INSERT INTO sh_credit_record (record_id, account, source, kind, reported, status, amount, overdue_days,"
                + " batch_id) VALUES ('K1', 'C0012', 'bank', 'loan', ?, 'overdue', 20000.00, 30, 1)",
                Date.valueOf("2026-01-31"));
    }

    static String account(int i) {
        return String.format("C%04d", i);
    }

    private static Timestamp local(String time) {
        return Timestamp.from(LocalDateTime.parse(time).atZone(Codes.TIME_ZONE).toInstant());
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ test themes and jobs

    /** Counts bills in the window: none, some (1-3), many (4+); prepaid customers have no bills: unknown. */
    static final class BillsTheme implements TagTheme {
        private final String label;

        BillsTheme(String label) {
            this.label = label;
        }

        @Override
        public String id() {
            return "bills";
        }

        @Override
        public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
            if (customer.profile().kind() == CustomerKind.PREPAID_RESIDENT && customer.bills().isEmpty()) {
                return List.of(TagValue.unknown("bills", label + ": prepaid, no bills"));
            }
            int n = customer.bills().size();
            return List.of(new TagValue("bills", value(customer.profile().kind(), n), n, label + ": " + n + " bills in the window"));
        }

        static String value(CustomerKind kind, int n) {
            if (kind == CustomerKind.PREPAID_RESIDENT && n == 0) {
                return TagValue.UNKNOWN;
            }
            return n == 0 ? "none" : n < 4 ? "some" : "many";
        }
    }

    static final class KindTheme implements TagTheme {
        @Override
        public String id() {
            return "kind";
        }

        @Override
        public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
            return List.of(new TagValue("kind", customer.profile().kind().name().toLowerCase(), 1, "from the profile"));
        }
    }

    static final class RecordingTheme implements TagTheme {
        final Map<String, CustomerSnapshot> seen = new ConcurrentHashMap<>();

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
            seen.put(customer.account(), customer);
            return List.of(new TagValue("recording", "seen", 0, "recorded"));
        }
    }

    /** Waits at one customer until released (or the run is stopped). */
    static final class BlockingTheme implements TagTheme {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String account;

        BlockingTheme(String account) {
            this.account = account;
        }

        @Override
        public String id() {
            return "blocking";
        }

        @Override
        public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
            if (customer.account().equals(account)) {
                reached.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of(new TagValue("blocking", "passed", 0, "passed"));
        }
    }

    static final class FragileTheme implements TagTheme {
        @Override
        public String id() {
            return "fragile";
        }

        @Override
        public List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
            if (customer.account().equals("C0007")) {
                throw new IllegalStateException("division by zero in a province's rule");
            }
            return List.of(new TagValue("fragile", "ok", 0, "fine"));
        }
    }

    /** Stands for an import: adds a bill of 2026-06 (or earlier) per named account and marks the account. */
    static final class FixtureImport implements JobHandler {
        static final String TYPE = "fixture-import";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public List<Partition> plan(JobContext job) {
            return List.of(new Partition("all", 1));
        }

        @Override
        public void run(PartitionContext ctx) throws Exception {
            Connection c = ctx.connection();
            List<String> accounts = new ArrayList<>(List.of(ctx.parameters().get("accounts").split(",")));
            int n = 0;
            for (String account : accounts) {
                LocalDate month = LocalDate.of(2026, 6, 1).minusMonths(5 + n++);
                exec(c, "DELETE FROM sh_bill WHERE account = ? AND period = ?", account, Date.valueOf(month));
                exec(c, "INSERT INTO sh_bill (account, period, amount, due, paid, outstanding, batch_id)"
                        + " VALUES (?, ?, ?, ?, NULL, ?, ?)", account, Date.valueOf(month), new BigDecimal("80.00"),
                        Date.valueOf(month.plusMonths(1)), new BigDecimal("80.00"), ctx.jobId());
            }
            for (String account : new java.util.TreeSet<>(accounts)) {
                exec(c, "INSERT INTO sh_customer_change (batch_id, first_line, account) VALUES (?, 1, ?)", ctx.jobId(), account);
            }
        }
    }
}
