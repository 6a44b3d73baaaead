package org.smarthall.ingest.internal.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.ingest.internal.imports.TestData.idNumber;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportReject;
import org.smarthall.api.ingest.ImportRequest;
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobState;
import org.smarthall.store.internal.PiiProtectorService;

/** Imports end to end on a real database: the same behaviour proved on Derby and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportContract {
    static final String HEADER = "account,kind,name,id_number,phone,address,region,supply_unit,industry,contract_kva,opened,sensitive";
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;
    private ImportFixture fx;

    protected abstract DataSource dataSource(String name);

    protected void release() {
    }

    @BeforeAll
    void setUp(@TempDir Path work) throws SQLException {
        fx = new ImportFixture(dataSource("imports"), work.resolve("imports"), 50, PiiProtectorService.newKey());
    }

    @AfterAll
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
        release();
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        for (String table : List.of("sh_import_reject", "sh_import", "sh_consumption", "sh_payment", "sh_credit_record",
                "sh_zone_event", "sh_zone_event_account", "sh_hall", "sh_customer")) {
            fx.execute("DELETE FROM " + table);
        }
    }

    private ImportInfo importFile(String dataset, Path file, ImportFormat format, Charset charset) {
        ImportInfo info = fx.imports.submit(new ImportRequest(dataset, file, file.getFileName().toString(), format, charset),
                "tester");
        JobInfo job = fx.awaitEnd(info.id());
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        return fx.imports.find(info.id()).orElseThrow();
    }

    private static long counter(ImportInfo info, String name) {
        return info.job().counters().getOrDefault(name, 0L);
    }

    static String customer(int i, String kind) {
        String account = String.format("37%08d", i);
        boolean person = kind.equals("resident") || kind.equals("prepaid");
        return String.join(",", account, kind, "客户" + i, person ? idNumber("19800517", i) : "",
                "1380000" + String.format("%04d", i), "济南市历下区泉城路" + i + "号", "370102", "历下供电中心",
                person ? "" : "C26", "8", "2015-03-01", "");
    }

    private Path customers(int n) throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= n; i++) {
            lines.add(customer(i, i % 3 == 0 ? "prepaid" : "resident"));
        }
        return TestData.write(dir, "customers.csv", UTF_8, lines.toArray(String[]::new));
    }

    @Test
    void customersAreStoredWithIdentityNumbersHashedAndMaskedOnly() throws Exception {
        ImportInfo info = importFile("customers", customers(120), ImportFormat.CSV, null);

        assertEquals("UTF-8", info.charset());
        assertEquals(120, counter(info, "accepted"));
        assertEquals(0, counter(info, "rejected"));
        assertEquals(120, fx.count("SELECT COUNT(*) FROM sh_customer"));
        String id = idNumber("19800517", 7);
        try (Connection c = fx.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account, id_masked, phone_masked, phone_enc, kind FROM sh_customer WHERE id_hash = ?")) {
            s.setString(1, fx.pii.hashIdNumber(id));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "found by the keyed hash of the number");
                assertEquals("3700000007", rs.getString(1));
                assertEquals(Pii.maskIdNumber(id), rs.getString(2));
                assertEquals("138****0007", rs.getString(3));
                assertEquals("13800000007", fx.pii.decrypt(rs.getString(4)));
                assertEquals("RESIDENT", rs.getString(5));
            }
        }
        assertEquals(0, fx.count("SELECT COUNT(*) FROM sh_customer WHERE id_masked = '" + id + "' OR id_hash = '" + id + "'"),
                "the number itself is stored nowhere");
    }

    @Test
    void gbkIsDetectedAndChineseTextSurvives() throws Exception {
        Path file = TestData.write(dir, "gbk.csv", GBK, HEADER, customer(1, "resident"), customer(2, "enterprise"));
        ImportInfo info = importFile("customers", file, ImportFormat.CSV, null);
        assertEquals("GBK", info.charset());
        assertEquals(2, counter(info, "accepted"));
        try (Connection c = fx.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, address FROM sh_customer WHERE account = '3700000002'"); ResultSet rs = s.executeQuery()) {
            rs.next();
            assertEquals("客户2", rs.getString(1));
            assertEquals("济南市历下区泉城路2号", rs.getString(2));
        }
    }

    @Test
    void aFileDeclaredUtf8ThatIsGbkIsRefusedAtOnce() throws Exception {
        Path file = TestData.write(dir, "gbk2.csv", GBK, HEADER, customer(1, "resident"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> fx.imports.submit(
                new ImportRequest("customers", file, "gbk2.csv", ImportFormat.CSV, UTF_8), "tester"));
        assertEquals("charset", e.violations().get(0).field());
    }

    @Test
    void badRowsAreRejectedWithLineFieldAndReasonAndTheRestIsKept() throws Exception {
        String goodId = idNumber("19800517", 1);
        Path file = TestData.write(dir, "bad.csv", UTF_8, HEADER,
                customer(1, "resident"),                                                      // line 2: good
                customer(2, "resident").replace(idNumber("19800517", 2), TestData.badCheck(idNumber("19800517", 2))), // 3
                customer(3, "resident").replace(idNumber("19800517", 3), "370102198013320038"),  // 4: no such date
                customer(4, "landlord"),                                                      // 5: unknown kind
                customer(5, "resident").replace(",370102,", ",3701,"),                        // 6: bad region
                customer(6, "resident").replace("客户6", ""),                                  // 7: name missing
                customer(7, "resident").replace(",8,", ",-3,"),                                // 8: negative capacity
                "3700000008,resident,\"王, \"\"小\"\" 明\"," + idNumber("19800517", 8) + ",,\"济南市\n历下区\",370102,历下供电中心,,,,", // 9-10: quoted comma, quotes, line break
                customer(9, "resident").replace(",,8,", ",,8,2099-01-01,").replace("2015-03-01,", ""), // 11: future date
                customer(1, "resident"),                                                      // 12: same account again
                "3700000010,resident,short row",                                              // 13: too few fields
                customer(11, "enterprise").replace(",C26,", ",,"));                           // 14: good, industry missing
        ImportInfo info = importFile("customers", file, ImportFormat.CSV, UTF_8);

        assertEquals(12, counter(info, "rows"), "12 records: the one on lines 9-10 holds a line break");
        assertEquals(3, counter(info, "accepted"), "lines 2, 9 and 14; rejected " + fx.imports.rejects(info.id(), 0, 100));
        assertEquals(1, counter(info, "duplicates"), "line 12 repeats line 2");
        assertEquals(8, counter(info, "rejected"));
        assertEquals(1, counter(info, "missing.industry"));
        assertEquals(3, fx.count("SELECT COUNT(*) FROM sh_customer"));

        Map<Long, ImportReject> byLine = fx.imports.rejects(info.id(), 0, 100).stream()
                .collect(Collectors.toMap(ImportReject::line, r -> r, (a, b) -> a));
        assertEquals("id_number", byLine.get(3L).field());
        assertTrue(byLine.get(3L).reason().contains("check digit"), byLine.get(3L).reason());
        assertEquals("id_number", byLine.get(4L).field());
        assertTrue(byLine.get(4L).reason().contains("not a date"), byLine.get(4L).reason());
        assertEquals("kind", byLine.get(5L).field());
        assertEquals("region", byLine.get(6L).field());
        assertEquals("name", byLine.get(7L).field());
        assertEquals("contract_kva", byLine.get(8L).field());
        assertEquals("opened", byLine.get(11L).field());
        assertEquals("row", byLine.get(13L).field());
        assertEquals(8, info.rejects());
        for (ImportReject r : byLine.values()) {
            assertFalse(r.reason().contains(goodId.substring(6, 14)), "no identity number in a reason: " + r.reason());
        }
        try (Connection c = fx.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, address, missing FROM sh_customer WHERE account = ?")) {
            s.setString(1, "3700000008");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals("王, \"小\" 明", rs.getString(1));
                assertEquals("济南市\n历下区", rs.getString(2));
                assertEquals("contract_kva;opened;phone", rs.getString(3), "missing stays missing and is flagged");
            }
        }
        assertNull(scalar("SELECT contract_kva FROM sh_customer WHERE account = '3700000008'"), "never filled in");
    }

    @Test
    void importingTheSameFileTwiceAddsNothingAndAChangedRowUpdates() throws Exception {
        Path file = customers(30);
        ImportInfo first = importFile("customers", file, ImportFormat.CSV, null);
        ImportInfo again = importFile("customers", file, ImportFormat.CSV, null);
        assertEquals(0, counter(again, "accepted"));
        assertEquals(30, counter(again, "duplicates"));
        assertEquals(30, fx.count("SELECT COUNT(*) FROM sh_customer"));
        // the accounts an import wrote are marked for incremental tagging; a second import of the
        // same file wrote nothing and marks nothing
        assertEquals(30, fx.count("SELECT COUNT(DISTINCT account) FROM sh_customer_change WHERE batch_id = " + first.id()));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM sh_customer_change WHERE batch_id = " + again.id()));

        Path changed = TestData.write(dir, "changed.csv", UTF_8, HEADER, customer(5, "resident").replace("客户5", "客户五"));
        ImportInfo update = importFile("customers", changed, ImportFormat.CSV, null);
        assertEquals(1, counter(update, "updated"));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM sh_customer_change WHERE batch_id = " + update.id()
                + " AND account = '3700000005'"));
        assertEquals("客户五", scalar("SELECT name FROM sh_customer WHERE account = '3700000005'"));
    }

    @Test
    void historiesNeedKnownAccountsAndKeepMissingValuesMissing() throws Exception {
        importFile("customers", customers(3), ImportFormat.CSV, null);
        Path file = TestData.write(dir, "consumption.csv", UTF_8, "account,month,peak_kwh,flat_kwh,valley_kwh,amount",
                "3700000001,2026-01,50.5,100,40,104.02",
                "3700000002,202601,60,,30,",
                "3799999999,2026-01,10,10,10,10",
                "3700000001,2026-13,1,1,1,1",
                "3700000001,2026-01,50.5,100,40,104.02");
        ImportInfo info = importFile("consumption", file, ImportFormat.CSV, null);
        assertEquals(2, counter(info, "accepted"));
        assertEquals(1, counter(info, "duplicates"));
        assertEquals(2, counter(info, "rejected"));
        assertEquals(1, counter(info, "missing.flat_kwh"));
        assertEquals(1, counter(info, "missing.amount"));
        List<ImportReject> rejects = fx.imports.rejects(info.id(), 0, 10);
        assertEquals(List.of(4L, 5L), rejects.stream().map(ImportReject::line).toList());
        assertTrue(rejects.get(0).reason().startsWith("unknown account 3799999999"), rejects.get(0).reason());
        assertEquals("month", rejects.get(1).field());
        assertNull(scalar("SELECT flat_kwh FROM sh_consumption WHERE account = '3700000002'"), "not a 0, not a mean");
        assertEquals(0, fx.count("SELECT COUNT(*) FROM sh_consumption WHERE account = '3700000002' AND amount IS NOT NULL"));
    }

    @Test
    void jsonLinesAreReadFieldByFieldWithLineNumbers() throws Exception {
        importFile("customers", customers(2), ImportFormat.CSV, null);
        Path file = TestData.write(dir, "payments.jsonl", UTF_8,
                "{\"payment_id\":\"P1\",\"account\":\"3700000001\",\"paid_on\":\"2026-02-10\",\"amount\":104.02,\"channel\":\"wechat\"}",
                "",
                "{\"payment_id\":\"P2\",\"account\":\"3700000002\",\"paid_on\":\"2026-02-11\",\"amount\":\"0\",\"channel\":\"bank\"}",
                "{\"payment_id\":\"P3\",\"account\":\"3700000002\",\"paid_on\":\"2026-02-11\",\"amount\":5,\"channel\":\"bank\",\"note\":\"x\"}",
                "{\"payment_id\":\"P4\",\"account\":{\"id\":1},\"paid_on\":\"2026-02-11\",\"amount\":5,\"channel\":\"bank\"}",
                "not json",
                "{\"payment_id\":\"P5\",\"account\":\"3700000002\",\"paid_on\":\"2026-02-12\",\"amount\":7.5,\"channel\":\"alipay\",\"period\":null}");
        ImportInfo info = importFile("payments", file, ImportFormat.JSON_LINES, null);
        assertEquals(2, counter(info, "accepted"));
        assertEquals(4, counter(info, "rejected"));
        List<ImportReject> rejects = fx.imports.rejects(info.id(), 0, 10);
        assertEquals(List.of(3L, 4L, 5L, 6L), rejects.stream().map(ImportReject::line).toList());
        assertEquals(List.of("amount", "note", "account", "row"), rejects.stream().map(ImportReject::field).toList());
    }

    @Test
    void aWrongHeaderIsRefusedBeforeAnyJobStarts() throws Exception {
        long jobsBefore = fx.jobs.count(java.util.Optional.empty());
        Path file = TestData.write(dir, "header.csv", UTF_8, "account,kind,nmae,region,supply_unit", "3700000001,resident,x,370102,u");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> fx.imports.submit(
                new ImportRequest("customers", file, "header.csv", ImportFormat.CSV, null), "tester"));
        String all = e.getMessage();
        assertTrue(all.contains("unknown column 'nmae'"), all);
        assertTrue(all.contains("required column 'name' is missing"), all);
        assertEquals(jobsBefore, fx.jobs.count(java.util.Optional.empty()));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> fx.imports.submit(
                new ImportRequest("customer", file, "header.csv", ImportFormat.CSV, null), "tester"));
        assertEquals("dataset", unknown.violations().get(0).field());
    }

    static final String CREDIT_HEADER = "record_id,account,source,kind,reported,status,amount,overdue_days";

    @Test
    void creditRecordsAreStoredAndImportingThemAgainAddsNothing() throws Exception {
        importFile("customers", customers(3), ImportFormat.CSV, null);
        Path file = TestData.write(dir, "credit_records.csv", UTF_8, CREDIT_HEADER,
                "CR-1,3700000001,bank,loan,2025-06-30,normal,250000.00,",
                "CR-2,3700000001,heat,utility_bill,2025/11/20,overdue,1830.40,35",
                "CR-3,3700000002,alipay,credit_card,20250905,default,12000,",       // days missing: flagged
                "CR-4,3700000002,property_registry,property,2024-03-01,normal,,0",  // amount missing: flagged
                "CR-5,3700000003,bank,deposit,2025-12-01,Closed,0.00,");
        ImportInfo info = importFile("credit_records", file, ImportFormat.CSV, null);
        assertEquals(5, counter(info, "accepted"), "rejected " + fx.imports.rejects(info.id(), 0, 10));
        assertEquals(0, counter(info, "rejected"));
        assertEquals(1, counter(info, "missing.overdue_days"), "a default without its days overdue");
        assertEquals(1, counter(info, "missing.amount"));
        assertEquals(5, fx.count("SELECT COUNT(*) FROM sh_credit_record"));
        try (Connection c = fx.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account, source, kind, reported, status, amount, overdue_days FROM sh_credit_record "
                        + "WHERE record_id = ?")) {
            s.setString(1, "CR-2");
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("3700000001", rs.getString(1));
                assertEquals("heat", rs.getString(2));
                assertEquals("utility_bill", rs.getString(3));
                assertEquals(java.time.LocalDate.of(2025, 11, 20), rs.getDate(4).toLocalDate());
                assertEquals("overdue", rs.getString(5));
                assertEquals(0, new java.math.BigDecimal("1830.40").compareTo(rs.getBigDecimal(6)));
                assertEquals(35, rs.getInt(7));
            }
        }
        assertEquals("closed", scalar("SELECT status FROM sh_credit_record WHERE record_id = 'CR-5'"), "codes lower-cased");
        assertNull(scalar("SELECT overdue_days FROM sh_credit_record WHERE record_id = 'CR-3'"), "missing stays missing");
        assertNull(scalar("SELECT amount FROM sh_credit_record WHERE record_id = 'CR-4'"), "not a 0");

        ImportInfo again = importFile("credit_records", file, ImportFormat.CSV, null);
        assertEquals(0, counter(again, "accepted"));
        assertEquals(5, counter(again, "duplicates"));
        assertEquals(0, counter(again, "rejected"));
        assertEquals(5, fx.count("SELECT COUNT(*) FROM sh_credit_record"));
    }

    @Test
    void badCreditRecordsAreRejectedWithLineFieldAndReasonAndTheRestIsKept() throws Exception {
        importFile("customers", customers(2), ImportFormat.CSV, null);
        Path file = TestData.write(dir, "bad_credit.csv", UTF_8, CREDIT_HEADER,
                "CR-10,3700000001,bank,loan,2025-06-30,normal,250000.00,",          // line 2: good
                "CR-11,3700000001,bank,loan,2025-06-30,normal,250000.00,12",        // 3: days overdue on a normal record
                "CR-12,3700000001,water,utility_bill,2025-07-31,closed,80.00,3",    // 4: days overdue on a closed record
                "CR-13,3700000001,pawnshop,loan,2025-06-30,normal,100,",            // 5: unknown source
                "CR-14,3700000001,bank,mortgage,2025-06-30,normal,100,",            // 6: unknown kind
                "CR-15,3700000001,bank,loan,2099-01-01,normal,100,",                // 7: reported in the future
                "CR-16,3700000001,bank,loan,2025-06-30,late,100,",                  // 8: unknown status
                "CR-17,3700000001,bank,loan,2025-06-30,normal,-5.00,",              // 9: negative amount
                "CR-18,3700000001,bank,loan,2025-06-30,overdue,100,40000",          // 10: more than 36,500 days
                "CR-19,3799999999,bank,loan,2025-06-30,normal,100,",                // 11: unknown account
                "CR-20,3700000002,gas,utility_bill,,overdue,95.00,12",              // 12: reported missing
                "CR-21,3700000002,gas,utility_bill,2025-10-15,overdue,95.00,12");   // 13: good
        ImportInfo info = importFile("credit_records", file, ImportFormat.CSV, null);

        assertEquals(12, counter(info, "rows"));
        assertEquals(2, counter(info, "accepted"), "lines 2 and 13; rejected " + fx.imports.rejects(info.id(), 0, 100));
        assertEquals(10, counter(info, "rejected"));
        assertEquals(2, fx.count("SELECT COUNT(*) FROM sh_credit_record"));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM sh_credit_record WHERE record_id NOT IN ('CR-10', 'CR-21')"));

        Map<Long, ImportReject> byLine = fx.imports.rejects(info.id(), 0, 100).stream()
                .collect(Collectors.toMap(ImportReject::line, r -> r, (a, b) -> a));
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), byLine.keySet().stream().sorted().toList());
        assertEquals("overdue_days", byLine.get(3L).field());
        assertTrue(byLine.get(3L).reason().contains("normal record"), byLine.get(3L).reason());
        assertTrue(byLine.get(3L).reason().contains("only overdue and default"), byLine.get(3L).reason());
        assertEquals("overdue_days", byLine.get(4L).field());
        assertTrue(byLine.get(4L).reason().contains("closed record"), byLine.get(4L).reason());
        assertEquals("source", byLine.get(5L).field());
        assertTrue(byLine.get(5L).reason().contains("'pawnshop' is not one of"), byLine.get(5L).reason());
        assertEquals("kind", byLine.get(6L).field());
        assertEquals("reported", byLine.get(7L).field());
        assertTrue(byLine.get(7L).reason().contains("in the future"), byLine.get(7L).reason());
        assertEquals("status", byLine.get(8L).field());
        assertEquals("amount", byLine.get(9L).field());
        assertEquals("overdue_days", byLine.get(10L).field());
        assertTrue(byLine.get(10L).reason().contains("outside 0 to 36500"), byLine.get(10L).reason());
        assertEquals("account", byLine.get(11L).field());
        assertTrue(byLine.get(11L).reason().startsWith("unknown account 3799999999"), byLine.get(11L).reason());
        assertEquals("reported", byLine.get(12L).field());
        assertEquals("is required", byLine.get(12L).reason());
    }

    @Test
    void zoneEventsMustNameAKnownHallAndOneOfItsZones() throws Exception {
        importFile("customers", customers(1), ImportFormat.CSV, null);
        importFile("halls", TestData.write(dir, "halls.csv", UTF_8, "hall_id,name,region,zones",
                "JN-LX-01,历下营业厅,370102,entrance;guidance;waiting;counter"), ImportFormat.CSV, null);
        Path file = TestData.write(dir, "events.csv", UTF_8, "hall,zone,visitor,account,kind,at,detail",
                "JN-LX-01,entrance,v1,,enter,2026-03-02 09:00:00,",
                "JN-LX-01,guidance,v1,3700000001,card_swipe,2026-03-02 09:01:10,",
                "JN-LX-01,vip,v1,,enter,2026-03-02 09:02:00,",
                "JN-XX-09,entrance,v2,,enter,2026-03-02 09:00:00,",
                "JN-LX-01,waiting,v1,3700000001,ticket_taken,2026-03-02 09:03:00,account_change");
        ImportInfo info = importFile("zone_events", file, ImportFormat.CSV, null);
        assertEquals(3, counter(info, "accepted"));
        List<ImportReject> rejects = fx.imports.rejects(info.id(), 0, 10);
        assertEquals(List.of("zone", "hall"), rejects.stream().map(ImportReject::field).toList());
        assertTrue(rejects.get(0).reason().contains("has no zone vip"), rejects.get(0).reason());
        assertEquals(2, fx.count("SELECT COUNT(*) FROM sh_zone_event_account WHERE account = '3700000001'"),
                "the identifying events are kept on the account side too");
    }

    /** A job stopped midway and resumed ends with exactly the rows and rejects of an uninterrupted import. */
    @Test
    void anImportInterruptedMidwayResumesToTheSameResult() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 2_000; i++) {
            String row = customer(i, i % 2 == 0 ? "prepaid" : "resident");
            lines.add(i % 97 == 0 ? row.replace("370102,历下", "37010,历下") : row); // every 97th row has a bad region
        }
        Path file = TestData.write(dir, "big.csv", UTF_8, lines.toArray(String[]::new));

        // the node stops while partition 12 (of 40) is under way
        fx.stop();
        StopAt stopAt = new StopAt(fx.imports, 12);
        fx.start(stopAt);
        ImportInfo info = fx.imports.submit(new ImportRequest("customers", file, "big.csv", ImportFormat.CSV, null), "tester");
        stopAt.reached.await();
        fx.stop();
        assertEquals(JobState.RUNNING, fx.jobs.find(info.id()).orElseThrow().state(), "left for the next start");
        assertEquals(12 * 50 - 12 * 50 / 97, fx.count("SELECT COUNT(*) FROM sh_customer"), "partitions 0-11 committed");

        fx.start(); // the restart resumes the job with the real handler
        JobInfo done = fx.awaitEnd(info.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        int bad = 2_000 / 97;
        assertEquals(2_000 - bad, done.counters().get("accepted"));
        assertEquals(bad, done.counters().get("rejected"));
        assertEquals(2_000, done.counters().get("rows"));
        assertEquals(2_000 - bad, fx.count("SELECT COUNT(*) FROM sh_customer"));
        assertEquals(bad, fx.count("SELECT COUNT(*) FROM sh_import_reject WHERE job_id = " + info.id()),
                "each bad row reported once");
        assertEquals(97 * 2L, fx.imports.rejects(info.id(), 1, 1).get(0).line() - 1, "second reject: data row 194");
    }

    /** The import handler, holding partition {@code index} open until the node stops. */
    private static final class StopAt implements org.smarthall.api.jobs.JobHandler {
        private final ImportServiceImpl imports;
        private final int index;
        final java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);

        StopAt(ImportServiceImpl imports, int index) {
            this.imports = imports;
            this.index = index;
        }

        @Override
        public String type() {
            return imports.type();
        }

        @Override
        public List<org.smarthall.api.jobs.Partition> plan(org.smarthall.api.jobs.JobContext job) throws Exception {
            return imports.plan(job);
        }

        @Override
        public void run(org.smarthall.api.jobs.PartitionContext partition) throws Exception {
            imports.run(partition);
            if (partition.index() == index) {
                reached.countDown();
                ImportFixture.await(java.time.Duration.ofSeconds(30), partition::cancelled);
            }
        }
    }

    private Object scalar(String sql) throws SQLException {
        try (Connection c = fx.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
