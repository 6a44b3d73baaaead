package org.smarthall.ingest.internal.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.service.event.Event;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.event.EventProperties;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.IngestResult.Rejected;
import org.smarthall.api.hall.Touchpoint;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.VisitStep;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.hall.ZoneHeat;
import org.smarthall.store.internal.DatabaseService;

/** Zone events, visits and heat on the real store, proved on every database SmartHall supports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HallActivityContract {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 7, 1);
    /** The service's clock: a month after the events, whatever the machine's clock says. */
    static final Instant NOW = Instant.parse("2026-07-31T04:00:00Z");
    static final String HALL = "JN-LX";
    static final String HALL2 = "JN-SZ";
    static final String A1 = "3701000001";
    static final String A2 = "3701000002";

    private DatabaseService database;
    private HallActivityService activity;
    private RecordingEventAdmin eventAdmin;

    protected abstract DataSource createDataSource();

    protected void releaseDataSource() {
    }

    @BeforeAll
    void setUp() throws SQLException {
        database = Stores.store(createDataSource());
        activity = new HallActivityService(database, HallsConfigs.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        eventAdmin = new RecordingEventAdmin();
        activity.bindEventAdmin(eventAdmin);
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sh_hall (hall_id, name, region, zones, batch_id) VALUES (?, ?, ?, ?, 1)")) {
                insertHall(s, HALL, "历下营业厅", "370102", "entrance;guidance;waiting;counter;payment;self_service");
                insertHall(s, HALL2, "市中营业厅", "370103", "entrance; counter ;vip");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_customer (account, kind, name, batch_id,"
                    + " updated_at) VALUES (?, 'resident', ?, 1, ?)")) {
                insertCustomer(s, A1, "张三");
                insertCustomer(s, A2, "李四");
            }
            return null;
        });
    }

    private static void insertHall(PreparedStatement s, String id, String name, String region, String zones)
            throws SQLException {
        s.setString(1, id);
        s.setString(2, name);
        s.setString(3, region);
        s.setString(4, zones);
        s.executeUpdate();
    }

    private static void insertCustomer(PreparedStatement s, String account, String name) throws SQLException {
        s.setString(1, account);
        s.setString(2, name);
        s.setTimestamp(3, Timestamp.from(NOW));
        s.executeUpdate();
    }

    @AfterAll
    void tearDown() {
        releaseDataSource();
    }

    @BeforeEach
    void noEvents() throws SQLException {
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM sh_zone_event");
                s.executeUpdate("DELETE FROM sh_zone_event_account");
            }
            return null;
        });
        eventAdmin.clear();
    }

    // ---- halls

    @Test
    void hallsWithTheirZones() {
        List<Hall> halls = activity.halls();
        assertEquals(List.of(HALL, HALL2), halls.stream().map(Hall::id).toList());
        assertEquals(List.of("entrance", "guidance", "waiting", "counter", "payment", "self_service"),
                halls.get(0).zones());
        assertEquals(List.of("entrance", "counter", "vip"), activity.hall(HALL2).orElseThrow().zones());
        assertEquals("370103", activity.hall(HALL2).orElseThrow().region());
        assertTrue(activity.hall("nowhere").isEmpty());
    }

    // ---- record

    @Test
    void aGoodBatchIsStoredAndCounted() throws SQLException {
        List<ZoneEvent> batch = List.of(
                ev("09:00:00", "T-001", "enter", "entrance"),
                ev("09:00:40", "T-001", "card_swipe", "entrance", A1, null),
                ev("09:01:00", "T-001", "leave", "entrance", A1, null),
                ev("09:01:00", "T-001", "enter", "guidance", A1, null),
                ev("09:02:00", "T-001", "ticket_taken", "guidance", A1, "invoice"));

        IngestResult result = activity.record(HALL, batch);

        assertEquals(new IngestResult(5, 0, List.of()), result);
        assertEquals(5, count("SELECT COUNT(*) FROM sh_zone_event WHERE hall = '" + HALL + "' AND batch_id = 0"));
        assertEquals(4, count("SELECT COUNT(*) FROM sh_zone_event WHERE account = '" + A1 + "'"));
    }

    @Test
    void aResentBatchAddsNothing() throws SQLException {
        List<ZoneEvent> batch = List.of(
                ev("09:00:00", "T-001", "enter", "entrance"),
                // finer than PostgreSQL keeps: must still be recognised when it comes again
                new ZoneEvent(null, "entrance", "T-001", A1, "card_swipe", at(DAY, "09:00:40").plusNanos(123_456_789),
                        null),
                ev("09:01:00", "T-001", "leave", "entrance", A1, null));
        assertEquals(3, activity.record(HALL, batch).accepted());

        IngestResult again = activity.record(HALL, batch);

        assertEquals(new IngestResult(0, 3, List.of()), again);
        assertEquals(3, count("SELECT COUNT(*) FROM sh_zone_event"));
    }

    @Test
    void aResentDayOfManyVisitorsAddsNothing() throws SQLException {
        List<ZoneEvent> day = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            LocalTime entered = LocalTime.of(8, 30).plusMinutes(i * 2);
            day.add(ev(DAY, entered.toString(), "T-" + i, "enter", "waiting", null, null));
            day.add(ev(DAY, entered.plusMinutes(7).toString(), "T-" + i, "leave", "waiting", null, null));
        }
        assertEquals(new IngestResult(500, 0, List.of()), activity.record(HALL, day));

        List<ZoneEvent> resent = new ArrayList<>(day);
        java.util.Collections.shuffle(resent, new java.util.Random(7));
        resent.add(ev(DAY, "18:00:00", "T-new", "enter", "waiting", null, null));
        assertEquals(new IngestResult(1, 500, List.of()), activity.record(HALL, resent));
        assertEquals(501, count("SELECT COUNT(*) FROM sh_zone_event"));
    }

    @Test
    void anEventRepeatedWithinABatchIsStoredOnce() throws SQLException {
        ZoneEvent enter = ev("09:00:00", "T-001", "enter", "entrance");
        IngestResult result = activity.record(HALL, List.of(enter, ev("09:00:00", "T-001", "enter", "guidance"), enter));

        assertEquals(new IngestResult(2, 1, List.of()), result);
        assertEquals(2, count("SELECT COUNT(*) FROM sh_zone_event"));
    }

    @Test
    void badEventsAreRejectedOneByOneAndTheGoodOnesStored() throws SQLException {
        List<ZoneEvent> batch = new ArrayList<>(List.of(
                ev("09:00:00", "T-001", "enter", "entrance"),
                ev("09:00:01", "T-001", "enter", "vip"),
                ev("09:00:02", "T-001", "wave", "entrance"),
                ev("09:00:03", " ", "enter", "entrance"),
                ev("09:00:04", "T-001", "card_swipe", "entrance", "3701999999", null),
                new ZoneEvent(null, "entrance", "T-001", null, "enter", NOW.plusSeconds(600), null),
                ev("09:00:06", "T-001", "rated", "counter", null, "x".repeat(41)),
                ev("09:00:07", "T-001", "card_swipe", "entrance", "37010001", null),
                new ZoneEvent(HALL2, "entrance", "T-001", null, "enter", at(DAY, "09:00:08"), null),
                ev("09:00:09", "v".repeat(65), "enter", "entrance"),
                new ZoneEvent(null, "entrance", "T-001", null, "enter", null, null),
                ev("09:00:11", "T-001", "ticket_taken", "guidance", A2, "invoice"),
                // a sensor clock a little ahead of ours is tolerated
                new ZoneEvent(HALL, "guidance", "T-001", "", "leave", NOW.plusSeconds(240), " ")));
        batch.add(5, null);

        IngestResult result = activity.record(HALL, batch);

        assertEquals(List.of(
                new Fault(1, "zone"), new Fault(2, "kind"), new Fault(3, "visitor"), new Fault(4, "account"),
                new Fault(5, "event"), new Fault(6, "at"), new Fault(7, "detail"), new Fault(8, "account"),
                new Fault(9, "hall"), new Fault(10, "visitor"), new Fault(11, "at")),
                result.rejected().stream().map(r -> new Fault(r.index(), r.field())).toList());
        assertEquals("unknown account", result.rejected().get(3).reason());
        assertEquals("must be 10 digits", result.rejected().get(7).reason());
        assertTrue(result.rejected().get(0).reason().contains("vip"), result.rejected().get(0).reason());
        assertEquals(3, result.accepted());
        assertEquals(0, result.duplicates());
        assertEquals(3, count("SELECT COUNT(*) FROM sh_zone_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM sh_zone_event WHERE kind = 'leave' AND account IS NULL"
                + " AND detail IS NULL"));
    }

    private record Fault(int index, String field) {
    }

    @Test
    void anUnknownHallIsNotFound() throws SQLException {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> activity.record("nowhere", List.of(ev("09:00:00", "T-001", "enter", "entrance"))));
        assertEquals("hall", e.what());
        assertEquals("nowhere", e.key());
        assertEquals(0, count("SELECT COUNT(*) FROM sh_zone_event"));
        assertThrows(NotFoundException.class, () -> activity.visits("nowhere", DAY));
        assertThrows(NotFoundException.class, () -> activity.heat("nowhere", DAY, DAY));
    }

    @Test
    void twoWritersOfTheSameBatchStoreItOnce() throws Exception {
        List<ZoneEvent> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(ev(LocalTime.of(9, 0).plusSeconds(i).toString(), "T-" + i % 17, "enter", "waiting"));
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<IngestResult> writer = () -> {
            start.await();
            return activity.record(HALL, batch);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<IngestResult> a = threads.submit(writer);
            Future<IngestResult> b = threads.submit(writer);
            start.countDown();
            IngestResult first = a.get(60, TimeUnit.SECONDS);
            IngestResult second = b.get(60, TimeUnit.SECONDS);
            assertEquals(200, first.accepted() + second.accepted());
            assertEquals(200, first.duplicates() + second.duplicates());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(200, count("SELECT COUNT(*) FROM sh_zone_event"));
    }

    // ---- events posted

    @Test
    void storedEntriesAndExitsArePostedMarkedRecorded() {
        activity.record(HALL, List.of(
                ev("09:00:00", "T-001", "enter", "entrance"),
                ev("09:00:40", "T-001", "card_swipe", "entrance", A1, null),
                ev("09:01:00", "T-001", "leave", "entrance", A1, "door 2")));

        List<Event> posted = eventAdmin.events();
        assertEquals(List.of(HallTopics.ZONE_ENTERED, HallTopics.ZONE_LEFT), posted.stream().map(Event::getTopic).toList());
        Event enter = posted.get(0);
        assertEquals(HALL, enter.getProperty(EventProperties.HALL));
        assertEquals("entrance", enter.getProperty(EventProperties.ZONE));
        assertEquals("T-001", enter.getProperty(EventProperties.VISITOR));
        assertEquals("enter", enter.getProperty(EventProperties.KIND));
        assertEquals(at(DAY, "09:00:00").toEpochMilli(), enter.getProperty(EventProperties.TIMESTAMP));
        assertEquals(Boolean.TRUE, enter.getProperty(EventProperties.RECORDED));
        assertTrue(!enter.containsProperty(EventProperties.ACCOUNT) && !enter.containsProperty(EventProperties.DETAIL));
        Event leave = posted.get(1);
        assertEquals(A1, leave.getProperty(EventProperties.ACCOUNT));
        assertEquals("door 2", leave.getProperty(EventProperties.DETAIL));
        assertEquals("leave", leave.getProperty(EventProperties.KIND));

        eventAdmin.clear();
        activity.record(HALL, List.of(ev("09:00:00", "T-001", "enter", "entrance")));
        assertEquals(List.of(), eventAdmin.events(), "a duplicate is not news");
    }

    @Test
    void sensorEventsAreStoredAndRecordedOnesLeftAlone() throws SQLException {
        SensorZoneEventListener listener = new SensorZoneEventListener(activity);
        Map<String, Object> sensor = new HashMap<>(Map.of(EventProperties.HALL, HALL, EventProperties.ZONE, "waiting",
                EventProperties.VISITOR, "badge-7", EventProperties.TIMESTAMP, at(DAY, "10:00:00").toEpochMilli()));

        listener.handleEvent(new Event(HallTopics.ZONE_ENTERED, sensor));
        listener.handleEvent(new Event(HallTopics.ZONE_LEFT, Map.of(EventProperties.HALL, HALL, EventProperties.ZONE,
                "waiting", EventProperties.VISITOR, "badge-8", EventProperties.TIMESTAMP,
                at(DAY, "10:00:05").toEpochMilli(), EventProperties.RECORDED, Boolean.TRUE)));

        assertEquals(1, count("SELECT COUNT(*) FROM sh_zone_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM sh_zone_event WHERE visitor = 'badge-7' AND kind = 'enter'"
                + " AND zone = 'waiting'"));
        // stored, so posted again for the cabins, this time marked recorded: the listener ignores that one
        Event reposted = eventAdmin.events().get(0);
        assertEquals(Boolean.TRUE, reposted.getProperty(EventProperties.RECORDED));
        listener.handleEvent(reposted);
        assertEquals(1, count("SELECT COUNT(*) FROM sh_zone_event"));
        assertEquals(0, listener.malformed());
    }

    @Test
    void malformedSensorEventsAreCountedNotThrown() throws SQLException {
        SensorZoneEventListener listener = new SensorZoneEventListener(activity);
        long at = at(DAY, "10:00:00").toEpochMilli();
        listener.handleEvent(new Event(HallTopics.ZONE_ENTERED, Map.of(EventProperties.HALL, HALL,
                EventProperties.ZONE, "waiting", EventProperties.VISITOR, "badge-7")));
        listener.handleEvent(new Event(HallTopics.ZONE_ENTERED, Map.of(EventProperties.HALL, "nowhere",
                EventProperties.ZONE, "waiting", EventProperties.VISITOR, "badge-7", EventProperties.TIMESTAMP, at)));
        listener.handleEvent(new Event(HallTopics.ZONE_LEFT, Map.of(EventProperties.HALL, HALL,
                EventProperties.ZONE, "roof", EventProperties.VISITOR, "badge-7", EventProperties.TIMESTAMP, at)));
        listener.handleEvent(new Event(HallTopics.ZONE_LEFT, Map.of(EventProperties.HALL, HALL,
                EventProperties.ZONE, 7, EventProperties.VISITOR, "badge-7", EventProperties.TIMESTAMP, at)));
        listener.handleEvent(new Event(HallTopics.ZONE_LEFT, Map.of(EventProperties.ZONE, "waiting",
                EventProperties.VISITOR, "badge-7", EventProperties.TIMESTAMP, at)));

        assertEquals(5, listener.malformed());
        assertEquals(0, count("SELECT COUNT(*) FROM sh_zone_event"));
    }

    // ---- visits

    /** One visit through the hall, hand-timed: the figures below are worked out from these times. */
    private static List<ZoneEvent> firstVisit(LocalDate day) {
        return List.of(
                ev(day, "09:00:00", "T-001", "enter", "entrance", null, null),
                ev(day, "09:00:30", "T-001", "leave", "entrance", null, null),
                ev(day, "09:01:00", "T-001", "enter", "guidance", null, null),
                ev(day, "09:01:20", "T-001", "card_swipe", "guidance", A1, null),
                ev(day, "09:02:00", "T-001", "ticket_taken", "guidance", A1, "invoice"),
                // no leave of guidance: left when the waiting area was entered
                ev(day, "09:03:00", "T-001", "enter", "waiting", A1, null),
                ev(day, "09:15:00", "T-001", "ticket_called", "waiting", A1, "W3"),
                ev(day, "09:15:30", "T-001", "leave", "waiting", A1, null),
                ev(day, "09:16:00", "T-001", "enter", "counter", A1, null),
                ev(day, "09:26:00", "T-001", "served", "counter", A1, "W3"),
                ev(day, "09:27:00", "T-001", "rated", "counter", A1, "5"),
                ev(day, "09:27:30", "T-001", "leave", "counter", A1, null),
                // no leave and nothing entered after: left at the visit's last event
                ev(day, "09:28:00", "T-001", "enter", "self_service", A1, null),
                ev(day, "09:31:40", "T-001", "served", "self_service", A1, "K2"));
    }

    @Test
    void aVisitIsRebuiltStepByStep() {
        // shuffled: the order of arrival does not matter
        List<ZoneEvent> events = new ArrayList<>(firstVisit(DAY));
        java.util.Collections.reverse(events);
        assertEquals(14, activity.record(HALL, events).accepted());

        List<Visit> visits = activity.visits(HALL, DAY);

        assertEquals(1, visits.size());
        Visit visit = visits.get(0);
        assertEquals(HALL, visit.hall());
        assertEquals("T-001", visit.visitor());
        assertEquals(A1, visit.account(), "the card swipe names the customer of the whole visit");
        assertEquals(at(DAY, "09:00:00"), visit.entered());
        assertEquals(at(DAY, "09:31:40"), visit.left());
        assertEquals(1900, visit.durationSeconds());
        assertEquals(List.of(
                step("entrance", "09:00:00", "09:00:30", 30),
                step("guidance", "09:01:00", "09:03:00", 120),
                step("waiting", "09:03:00", "09:15:30", 750),
                step("counter", "09:16:00", "09:27:30", 690),
                step("self_service", "09:28:00", "09:31:40", 220)), visit.steps());
        assertEquals(List.of(
                new Touchpoint("card_swipe", "guidance", at(DAY, "09:01:20"), null),
                new Touchpoint("ticket_taken", "guidance", at(DAY, "09:02:00"), "invoice"),
                new Touchpoint("ticket_called", "waiting", at(DAY, "09:15:00"), "W3"),
                new Touchpoint("served", "counter", at(DAY, "09:26:00"), "W3"),
                new Touchpoint("rated", "counter", at(DAY, "09:27:00"), "5"),
                new Touchpoint("served", "self_service", at(DAY, "09:31:40"), "K2")), visit.touchpoints());
    }

    @Test
    void aLongAbsenceStartsANewVisitAndVisitsComeInOrderOfEntry() {
        activity.record(HALL, List.of(
                ev("09:00:00", "T-001", "enter", "entrance"),
                ev("09:05:00", "T-001", "leave", "entrance"),
                // 50 minutes unseen: still the same visit
                ev("10:00:00", "T-002", "enter", "entrance"),
                ev("10:50:00", "T-002", "enter", "counter"),
                ev("10:55:00", "T-002", "leave", "counter"),
                // 1 h 55 min unseen: a new visit
                ev("11:00:00", "T-001", "enter", "payment"),
                ev("11:04:10", "T-001", "leave", "payment")));

        List<Visit> visits = activity.visits(HALL, DAY);

        assertEquals(List.of("T-001@09:00", "T-002@10:00", "T-001@11:00"), visits.stream()
                .map(v -> v.visitor() + "@" + LocalTime.ofInstant(v.entered(), SHANGHAI)).toList());
        assertEquals(List.of(step("entrance", "10:00:00", "10:50:00", 3000), step("counter", "10:50:00", "10:55:00", 300)),
                visits.get(1).steps());
        assertEquals(List.of(step("payment", "11:00:00", "11:04:10", 250)), visits.get(2).steps());
        assertEquals(at(DAY, "09:05:00"), visits.get(0).left());
        assertNull(visits.get(2).account());
    }

    @Test
    void aDayIsTheHallsLocalDayAndAVisitBelongsToTheDayItBegan() {
        LocalDate next = DAY.plusDays(1);
        activity.record(HALL, List.of(
                // 00:10 in Shanghai is still the evening before in UTC
                ev(DAY, "00:10:00", "early", "enter", "self_service", null, null),
                ev(DAY, "00:20:00", "early", "leave", "self_service", null, null),
                ev(DAY, "23:50:00", "late", "enter", "self_service", null, null),
                ev(next, "00:20:00", "late", "leave", "self_service", null, null),
                ev(next, "00:30:00", "next", "enter", "self_service", null, null)));

        List<Visit> day = activity.visits(HALL, DAY);
        assertEquals(List.of("early", "late"), day.stream().map(Visit::visitor).toList());
        assertEquals(List.of(step("self_service", at(DAY, "23:50:00"), at(next, "00:20:00"), 1800)), day.get(1).steps());
        assertEquals(List.of("next"), activity.visits(HALL, next).stream().map(Visit::visitor).toList());
        assertEquals(List.of(), activity.visits(HALL, DAY.minusDays(1)));
    }

    @Test
    void aCustomersVisitsToEveryHallNewestFirstWithTheirAnonymousStart() {
        LocalDate next = DAY.plusDays(1);
        activity.record(HALL, firstVisit(DAY));
        activity.record(HALL, List.of(
                // the same ticket number the next day is somebody else
                ev(next, "09:00:00", "T-001", "enter", "entrance", null, null),
                ev(next, "09:20:00", "T-001", "card_swipe", "entrance", A2, null)));
        activity.record(HALL2, List.of(
                ev(next, "14:00:00", "V-9", "enter", "vip", null, null),
                ev(next, "14:02:00", "V-9", "card_swipe", "vip", A1, null),
                ev(next, "14:30:00", "V-9", "leave", "vip", null, null),
                ev(next, "16:00:00", "V-9", "enter", "counter", null, null)));

        List<Visit> both = activity.visitsOf(A1, DAY, next);

        assertEquals(List.of(HALL2, HALL), both.stream().map(Visit::hall).toList());
        assertEquals(List.of(step("vip", at(next, "14:00:00"), at(next, "14:30:00"), 1800)), both.get(0).steps());
        assertEquals(at(next, "14:30:00"), both.get(0).left(), "the visit 90 min later is another");
        Visit first = both.get(1);
        assertEquals(at(DAY, "09:00:00"), first.entered(), "anonymous before the card swipe, still the visit");
        assertEquals(activity.visits(HALL, DAY), List.of(first));

        assertEquals(List.of(HALL2), activity.visitsOf(A1, next, next).stream().map(Visit::hall).toList());
        assertEquals(List.of(), activity.visitsOf(A1, next.plusDays(1), next.plusDays(30)));
        assertEquals(List.of(at(next, "09:00:00")), activity.visitsOf(A2, DAY, next).stream().map(Visit::entered).toList());
        assertEquals(List.of(), activity.visitsOf("3701999999", DAY, next));
        assertEquals("to", assertThrows(InvalidInputException.class, () -> activity.visitsOf(A1, next, DAY))
                .violations().get(0).field());
    }

    // ---- heat

    @Test
    void heatCountsStaysPerZoneAndLocalHour() {
        LocalDate next = DAY.plusDays(1);
        activity.record(HALL, List.of(
                ev(DAY, "09:30:00", "V1", "enter", "waiting", null, null),
                ev(DAY, "09:40:00", "V1", "enter", "counter", null, null),
                ev(DAY, "09:45:00", "V1", "leave", "counter", null, null),
                ev(DAY, "09:10:00", "V2", "enter", "counter", null, null),
                ev(DAY, "09:20:00", "V2", "card_swipe", "counter", A1, null),
                ev(DAY, "09:20:00", "V2", "leave", "counter", null, null),
                ev(next, "10:05:00", "V3", "enter", "counter", null, null),
                ev(next, "10:25:00", "V3", "leave", "counter", null, null),
                ev(next, "09:50:00", "V4", "enter", "waiting", null, null),
                ev(next, "09:52:00", "V4", "leave", "waiting", null, null),
                // outside every period asked below
                ev(DAY.minusDays(10), "09:00:00", "V5", "enter", "waiting", null, null)));

        // counter at 9: 300 s and 600 s; at 10: 1200 s. waiting at 9: 600 s (left when the counter was entered), 120 s
        assertEquals(List.of(
                new ZoneHeat("counter", 9, 2, 450.0),
                new ZoneHeat("counter", 10, 1, 1200.0),
                new ZoneHeat("waiting", 9, 2, 360.0)), activity.heat(HALL, DAY, next));
        assertEquals(List.of(
                new ZoneHeat("counter", 9, 2, 450.0),
                new ZoneHeat("waiting", 9, 1, 600.0)), activity.heat(HALL, DAY, DAY));
        assertEquals(List.of(), activity.heat(HALL2, DAY, next));
    }

    @Test
    void heatOverALongPeriodSumsEverySlice() {
        List<ZoneEvent> events = new ArrayList<>();
        for (int d = 0; d < 100; d++) {
            LocalDate day = DAY.minusDays(d);
            events.add(ev(day, "15:00:00", "Y" + d, "enter", "payment", null, null));
            events.add(ev(day, "15:01:00", "Y" + d, "leave", "payment", null, null));
        }
        activity.record(HALL, events);

        assertEquals(List.of(new ZoneHeat("payment", 15, 100, 60.0)), activity.heat(HALL, DAY.minusDays(365), DAY));
        assertEquals(List.of(new ZoneHeat("payment", 15, 31, 60.0)), activity.heat(HALL, DAY.minusDays(30), DAY));
    }

    @Test
    void heatPeriodsAreChecked() {
        assertEquals("to", assertThrows(InvalidInputException.class, () -> activity.heat(HALL, DAY, DAY.minusDays(1)))
                .violations().get(0).field());
        assertEquals("to", assertThrows(InvalidInputException.class, () -> activity.heat(HALL, DAY, DAY.plusDays(366)))
                .violations().get(0).field());
        assertEquals("from", assertThrows(InvalidInputException.class, () -> activity.heat(HALL, null, DAY))
                .violations().get(0).field());
        assertEquals("to", assertThrows(InvalidInputException.class, () -> activity.heat(HALL, DAY, null))
                .violations().get(0).field());
        assertEquals(List.of(), activity.heat(HALL, DAY, DAY.plusDays(365)), "366 days are allowed");
    }

    // ---- helpers

    private static Instant at(LocalDate day, String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    private static ZoneEvent ev(String time, String visitor, String kind, String zone) {
        return ev(DAY, time, visitor, kind, zone, null, null);
    }

    private static ZoneEvent ev(String time, String visitor, String kind, String zone, String account, String detail) {
        return ev(DAY, time, visitor, kind, zone, account, detail);
    }

    private static ZoneEvent ev(LocalDate day, String time, String visitor, String kind, String zone, String account,
            String detail) {
        return new ZoneEvent(null, zone, visitor, account, kind, at(day, time), detail);
    }

    private static VisitStep step(String zone, String entered, String left, long dwell) {
        return new VisitStep(zone, at(DAY, entered), at(DAY, left), dwell);
    }

    private static VisitStep step(String zone, Instant entered, Instant left, long dwell) {
        return new VisitStep(zone, entered, left, dwell);
    }

    private long count(String sql) throws SQLException {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
