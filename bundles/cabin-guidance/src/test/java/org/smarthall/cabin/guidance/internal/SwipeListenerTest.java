package org.smarthall.cabin.guidance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.service.event.Event;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.cabin.guidance.GuidanceEvents;
import org.smarthall.cabin.guidance.Portrait;
import org.smarthall.cabin.guidance.Route;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.Sex;
import org.smarthall.store.internal.CustomerRepositoryImpl;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.PiiProtectorService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.TestDatabases;

/**
 * Swipe to portrait on the real customer base: the store's repository on embedded Derby, the
 * store's keyed hash, the listener built the plain-Java way (as the bench builds it), fed card
 * events as the idcard-sam driver posts them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwipeListenerTest {
    static final Instant NOW = Instant.parse("2026-10-25T02:00:00Z");
    static final String HALL = "JN-LX-01";
    static final String A = id("37010219800517001");   // one account, nothing outstanding
    static final String B = id("37010219751103002");   // two accounts, arrears on the second
    static final String C = id("37010219900101003");   // two clean accounts
    static final String D = id("37010219500220004");   // prepaid, tripped twice, elderly
    static final String NOBODY = id("11010119880808005");

    private final PiiProtectorService store = new PiiProtectorService(PiiProtectorService.newKey());
    private final List<String> hashed = new ArrayList<>();
    private final PiiProtector pii = new PiiProtector() {
        @Override
        public String hashIdNumber(String idNumber) {
            hashed.add(idNumber);
            return store.hashIdNumber(idNumber);
        }

        @Override
        public String hashPhone(String phone) {
            return store.hashPhone(phone);
        }

        @Override
        public String encrypt(String plain) {
            return store.encrypt(plain);
        }

        @Override
        public String decrypt(String encrypted) {
            return store.decrypt(encrypted);
        }
    };
    private DataSource dataSource;
    private EntityManagerFactory emf;
    private CustomerRepositoryImpl customers;

    private GuidanceHub hub;
    private SwipeListener listener;
    private Recorders.Events events;
    private Recorders.Halls halls;

    static String id(String first17) {
        return first17 + Pii.checkCharacter(first17);
    }

    @BeforeAll
    void database() throws SQLException {
        dataSource = TestDatabases.derby();
        DatabaseService database = new DatabaseService(dataSource, Annotations.of(StoreConfig.class));
        emf = Persistence.createEntityManagerFactory("smarthall", Map.of("javax.persistence.nonJtaDataSource", dataSource,
                "eclipselink.logging.level", "WARNING"));
        customers = new CustomerRepositoryImpl(emf, database, store);
        customer("3700000001", "RESIDENT", "张三", A, null);
        bill("3700000001", "2026-09-01", null);
        customer("3700000011", "RESIDENT", "李四", B, null);
        customer("3700000012", "RESIDENT", "李四", B, null);
        bill("3700000011", "2026-09-01", null);
        bill("3700000012", "2026-08-01", "54.69");
        bill("3700000012", "2026-09-01", "61.20");
        sql("INSERT INTO sh_work_order VALUES ('W1', '3700000012', '95598', 'complaint',"
                + " CAST('2026-10-03 10:00:00' AS TIMESTAMP), NULL, NULL, NULL, 1)");
        customer("3700000022", "RESIDENT", "王五", C, null);
        customer("3700000021", "RESIDENT", "王五", C, null);
        customer("3700000031", "PREPAID_RESIDENT", "赵六", D, "elderly");
        sql("INSERT INTO sh_balance VALUES ('3700000031', CAST('2026-10-20 08:00:00' AS TIMESTAMP), 12.50, 1)");
        sql("INSERT INTO sh_trip VALUES ('3700000031', CAST('2026-03-03 21:00:00' AS TIMESTAMP), 9.80, 1)");
        sql("INSERT INTO sh_trip VALUES ('3700000031', CAST('2026-10-02 07:00:00' AS TIMESTAMP), 4.10, 1)");
    }

    private void customer(String account, String kind, String name, String idNumber, String sensitive)
            throws SQLException {
        sql("INSERT INTO sh_customer (account, kind, name, id_hash, id_masked, region, supply_unit, sensitive, batch_id,"
                + " updated_at) VALUES ('" + account + "', '" + kind + "', '" + name + "', '" + store.hashIdNumber(idNumber)
                + "', '" + Pii.maskIdNumber(idNumber) + "', '370102', '历下供电中心', "
                + (sensitive == null ? "NULL" : "'" + sensitive + "'") + ", 1, CURRENT_TIMESTAMP)");
    }

    private void bill(String account, String period, String outstanding) throws SQLException {
        LocalDate p = LocalDate.parse(period);
        sql("INSERT INTO sh_bill VALUES ('" + account + "', CAST('" + p + "' AS DATE), 54.69, CAST('" + p.plusDays(45)
                + "' AS DATE), " + (outstanding == null ? "CAST('" + p.plusDays(40) + "' AS DATE), 0" : "NULL, " + outstanding)
                + ", 1)");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @AfterAll
    void closeDatabase() {
        if (emf != null) {
            emf.close();
        }
    }

    @BeforeEach
    void start() {
        hub = new GuidanceHub(GuidanceSettings.of(Annotations.of(GuidanceConfig.class)), Clock.fixed(NOW, ZoneOffset.UTC));
        events = new Recorders.Events();
        halls = new Recorders.Halls();
        listener = new SwipeListener(hub, customers, pii, events, Clock.fixed(NOW, ZoneOffset.UTC));
        listener.bindHallActivity(halls);
        listener.addFacet(tags());
        listener.addFacet(grades());
        hashed.clear();
    }

    @AfterEach
    void stop() {
        listener.stop();
        hub.stop();
    }

    static IdCard card(String name, Sex sex, LocalDate birth, String idNumber) {
        return new IdCard(name, sex, "汉", birth, "山东省济南市历下区泉城路1号", idNumber, "济南市公安局历下分局",
                LocalDate.of(2016, 1, 1), null, new byte[] {1, 2, 3});
    }

    static IdCard card(String idNumber) {
        LocalDate birth = LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14)));
        return card("张三", Sex.MALE, birth, idNumber);
    }

    /** Posts a card event as the driver does and waits for the cabin's event. */
    Event swipe(IdCard card, long timestamp) throws InterruptedException {
        Map<String, Object> props = new HashMap<>();
        props.put(DeviceTopics.PROPERTY_DEVICE, "reader-1");
        props.put(DeviceTopics.PROPERTY_HALL, HALL);
        props.put(DeviceTopics.PROPERTY_CARD, card);
        props.put(DeviceTopics.PROPERTY_TIMESTAMP, timestamp);
        listener.handleEvent(new Event(DeviceTopics.CARD_READ, props));
        Event identified = events.next();
        assertEquals(HallTopics.CUSTOMER_IDENTIFIED, identified.getTopic());
        return identified;
    }

    static Portrait portrait(Event e) {
        return (Portrait) e.getProperty(GuidanceEvents.PORTRAIT);
    }

    @Test
    void aKnownCustomerGetsAPortraitTheEventTheTouchpointAndTheLatest() throws Exception {
        long wire = NOW.toEpochMilli() - 150;
        Event e = swipe(card(A), wire);

        Portrait p = portrait(e);
        assertEquals(HALL, e.getProperty(GuidanceEvents.HALL));
        assertEquals("reader-1", e.getProperty(GuidanceEvents.DEVICE));
        assertEquals("3700000001", e.getProperty(GuidanceEvents.ACCOUNT));
        assertEquals(Boolean.FALSE, e.getProperty(GuidanceEvents.VISITOR));
        assertEquals(wire, e.getProperty(GuidanceEvents.CARD_TIMESTAMP));
        assertEquals(NOW.toEpochMilli(), e.getProperty(GuidanceEvents.PORTRAIT_AT));

        assertFalse(p.visitor());
        assertTrue(p.idVerified());
        assertEquals("张*", p.maskedName());
        assertEquals("male", p.sex());
        assertEquals("40-49", p.ageBand(), "born 1980-05-17, swiped 2026-10-25");
        assertEquals(Pii.maskIdNumber(A), p.maskedIdNumber());
        assertEquals("3700000001", p.account());
        assertEquals(CustomerKind.RESIDENT, p.kind());
        assertEquals(List.of(new Portrait.TagLine("fee-risk", "risk", "low", "paid on time 12 of 12 months")), p.tags());
        assertEquals(List.of(new Portrait.GradeLine("complaint-risk", "low", "p = 0.04")), p.grades());
        assertEquals(0, p.arrears().signum());
        assertEquals(0, p.unpaidBills());
        assertEquals(0, p.openWorkOrders());
        assertNull(p.prepaid());
        assertEquals(List.of(), p.caution());
        assertEquals(Route.SELF_SERVICE, p.route().kind());
        assertEquals(List.of(), p.unavailable());
        assertEquals(List.of(), p.otherAccounts());

        assertEquals(Optional.of(p), hub.latest(HALL));
        assertEquals(List.of(A), hashed, "hashed once, normalised");
        awaitTrue(() -> halls.recorded.size() == 1, "touchpoint recorded");
        ZoneEvent touchpoint = halls.recorded.get(0);
        assertEquals(new ZoneEvent(HALL, "guidance", "card-" + p.id(), "3700000001", "card_swipe",
                Instant.ofEpochMilli(wire), null), touchpoint);
        awaitTrue(() -> listener.metrics().count() == 1, "timed");
        assertEquals(150, listener.metrics().totalMaxMillis());
    }

    @Test
    void anUnknownNumberIsAVisitorSentToACounterWithoutError() throws Exception {
        Event e = swipe(card("王小明", Sex.FEMALE, LocalDate.of(1988, 8, 8), NOBODY), NOW.toEpochMilli());

        Portrait p = portrait(e);
        assertEquals(Boolean.TRUE, e.getProperty(GuidanceEvents.VISITOR));
        assertNull(e.getProperty(GuidanceEvents.ACCOUNT));
        assertTrue(p.visitor());
        assertTrue(p.idVerified());
        assertEquals("王**", p.maskedName());
        assertEquals("female", p.sex());
        assertEquals("30-39", p.ageBand());
        assertNull(p.maskedIdNumber(), "a visitor's portrait shows the name and age band only");
        assertNull(p.account());
        assertEquals(List.of(), p.tags());
        assertEquals(Route.COUNTER, p.route().kind());
        assertEquals(List.of("new-customer"), p.route().codes());
        awaitTrue(() -> halls.recorded.size() == 1, "the visitor's swipe is a touchpoint too");
        assertNull(halls.recorded.get(0).account());
        assertEquals(0, listener.metrics().failures());
    }

    @Test
    void aNumberWithAWrongCheckDigitIsAnUnverifiedVisitorAndIsNeverLookedUp() throws Exception {
        String wrong = A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0');
        Portrait p = portrait(swipe(card(wrong), NOW.toEpochMilli()));

        assertTrue(p.visitor());
        assertFalse(p.idVerified());
        assertEquals(List.of("id-not-verified"), p.route().codes());
        assertEquals(Route.COUNTER, p.route().kind());
        assertEquals("40-49", p.ageBand(), "the card's own birth date");
        assertEquals(List.of(), hashed, "a number that does not check is not hashed, not looked up");
        assertEquals(1, listener.metrics().notVerified());
    }

    @Test
    void ofSeveralAccountsThePrimaryIsTheOneWithSomethingOutstanding() throws Exception {
        Portrait p = portrait(swipe(card(B), NOW.toEpochMilli()));

        assertEquals("3700000012", p.account());
        assertEquals(new BigDecimal("115.89"), p.arrears());
        assertEquals(2, p.unpaidBills());
        assertEquals(1, p.openWorkOrders());
        assertEquals(List.of(new Portrait.OtherAccount("3700000011", CustomerKind.RESIDENT, new BigDecimal("0.00"), 0)),
                p.otherAccounts());
        assertEquals(Route.COUNTER, p.route().kind());
        assertEquals(List.of("arrears", "open-work-orders"), p.route().codes());
    }

    @Test
    void ofSeveralCleanAccountsThePrimaryIsTheLowestAccountNumber() throws Exception {
        Portrait p = portrait(swipe(card(C), NOW.toEpochMilli()));

        assertEquals("3700000021", p.account());
        assertEquals(List.of("3700000022"), p.otherAccounts().stream().map(Portrait.OtherAccount::account).toList());
        assertEquals(Route.SELF_SERVICE, p.route().kind());
    }

    @Test
    void aPrepaidCustomerWhoTrippedTwiceGoesToThePriorityWindowWithAStaffCaution() throws Exception {
        Portrait p = portrait(swipe(card(D), NOW.toEpochMilli()));

        assertEquals(CustomerKind.PREPAID_RESIDENT, p.kind());
        assertEquals(new Portrait.Prepaid(new BigDecimal("12.50"), 2, "frequent", 0), p.prepaid());
        assertEquals(List.of("elderly"), p.caution());
        assertEquals("70+", p.ageBand());
        assertEquals(Route.PRIORITY_WINDOW, p.route().kind());
        assertEquals(List.of("prepaid-trips", "sensitive"), p.route().codes());
    }

    @Test
    void aFailingFacetLeavesItsSectionOutAndNothingElse() throws Exception {
        listener.removeFacet(listener.facets().iterator().next()); // the working tags facet
        listener.addFacet(new CustomerFacet() {
            @Override
            public String name() {
                return "tags";
            }

            @Override
            public Optional<Object> of(CustomerProfile customer) {
                throw new IllegalStateException("tag store down");
            }
        });

        Portrait p = portrait(swipe(card(A), NOW.toEpochMilli()));

        assertEquals(List.of("tags"), p.unavailable());
        assertEquals(List.of(), p.tags());
        assertEquals(1, p.grades().size(), "the other facet still answered");
        assertEquals(Route.SELF_SERVICE, p.route().kind());
        assertEquals(1, listener.metrics().facetFailures());
    }

    @Test
    void aFailingTouchpointStoreNeitherStopsThePortraitNorFloodsTheLog() throws Exception {
        halls.failure = new IllegalStateException("hall JN-LX-01 not found");
        String log = capturingStderr(() -> {
            swipe(card(A), NOW.toEpochMilli());
            swipe(card(C), NOW.toEpochMilli());
            awaitTrue(() -> listener.metrics().touchpointFailures() == 2, "both failures counted");
        });

        assertEquals(2, listener.metrics().portraits());
        assertEquals(1, count(log, "card_swipe touchpoint of hall JN-LX-01 was not recorded"), log);
        assertTrue(listener.check().detail().contains("of the touchpoint 2"), listener.check().detail());
    }

    @Test
    void cardEventsWithoutACardOrWithABadHallAreRefusedAndCounted() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(DeviceTopics.PROPERTY_DEVICE, "reader-1");
        props.put(DeviceTopics.PROPERTY_HALL, HALL);
        listener.handleEvent(new Event(DeviceTopics.CARD_READ, props));
        props.put(DeviceTopics.PROPERTY_CARD, card(A));
        props.put(DeviceTopics.PROPERTY_HALL, "hall one");
        listener.handleEvent(new Event(DeviceTopics.CARD_READ, props));
        props.put(DeviceTopics.PROPERTY_HALL, HALL);
        props.put(DeviceTopics.PROPERTY_DEVICE, "reader\n1");
        listener.handleEvent(new Event(DeviceTopics.CARD_READ, props));

        assertEquals(3, listener.metrics().refused());
        assertNull(events.posted.poll(200, TimeUnit.MILLISECONDS), "nothing posted");
        assertEquals(List.of(), hashed);
    }

    /** Nothing of the card in the log but the masked number: not the number, its digits, the birth date, the name. */
    @Test
    void nothingOfTheIdNumberOrTheNameIsLogged() throws Exception {
        String wrong = B.substring(0, 17) + (B.charAt(17) == '0' ? '1' : '0');
        halls.failure = new IllegalStateException("down");
        String log = capturingStderr(() -> {
            swipe(card(A), NOW.toEpochMilli());
            swipe(card(B), NOW.toEpochMilli());
            swipe(card(wrong), NOW.toEpochMilli());
            swipe(card("王小明", Sex.FEMALE, LocalDate.of(1988, 8, 8), NOBODY), NOW.toEpochMilli());
            awaitTrue(() -> listener.metrics().touchpointFailures() == 4, "all done");
        });

        assertTrue(log.contains(Pii.maskIdNumber(A)), "the log was captured and names the masked number: " + log);
        for (String secret : List.of(A, B, wrong, NOBODY, A.substring(0, 17), B.substring(6, 14), "19800517",
                "1988-08-08", "张三", "李四", "王小明", "泉城路")) {
            assertFalse(log.contains(secret), secret + " in the log:\n" + log);
        }
    }

    interface Action {
        void run() throws Exception;
    }

    static String capturingStderr(Action action) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(stderr);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** The shape of the tagging bundle's TagsFacet: theme → dimension → {value, score, reason, ...}. */
    static CustomerFacet tags() {
        return new CustomerFacet() {
            @Override
            public String name() {
                return "tags";
            }

            @Override
            public Optional<Object> of(CustomerProfile customer) {
                Map<String, Object> tag = new LinkedHashMap<>();
                tag.put("value", "low");
                tag.put("score", 0.1);
                tag.put("reason", "paid on time 12 of 12 months");
                tag.put("version", "1.0.0");
                tag.put("run", 7L);
                tag.put("taggedAt", NOW);
                return Optional.of(Map.of("fee-risk", Map.of("risk", tag)));
            }
        };
    }

    /** The shape of the grading bundle's GradesFacet: model → {grade, score, reason, ...}. */
    static CustomerFacet grades() {
        AtomicInteger calls = new AtomicInteger();
        return new CustomerFacet() {
            @Override
            public String name() {
                return "grades";
            }

            @Override
            public Optional<Object> of(CustomerProfile customer) {
                calls.incrementAndGet();
                Map<String, Object> grade = new LinkedHashMap<>();
                grade.put("grade", "low");
                grade.put("score", 0.04);
                grade.put("reason", "p = 0.04");
                grade.put("gradedAt", NOW);
                return Optional.of(Map.of("complaint-risk", grade));
            }
        };
    }
}
