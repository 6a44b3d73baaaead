package org.smarthall.ingest.internal.zone;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.event.EventProperties;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.IngestResult.Rejected;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.hall.ZoneHeat;
import org.smarthall.api.store.Database;
import org.smarthall.api.store.Database.SqlWork;
import org.smarthall.ingest.internal.zone.ZoneEventTable.Key;

/**
 * The halls' point and line data on plain JDBC: zone events stored batch by batch (a resent
 * batch adds nothing), and visits rebuilt from them while the rows stream by.
 */
@Component(service = {HallActivity.class, HallCalendar.class}, configurationPid = HallsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HallsConfig.class)
public class HallActivityService implements HallActivity, HallCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(HallActivityService.class);

    /**
     * No visit lasts longer: scans read this far past a period for the ends of the visits that
     * began in it (and before an identified event for the anonymous start of its visit).
     */
    static final Duration LONGEST_VISIT = Duration.ofHours(12);
    static final int MAX_HEAT_DAYS = 366;
    /** Heat scans a long period in slices of this many days, so that no query sorts a year. */
    static final int HEAT_SLICE_DAYS = 31;
    /** Tries of a batch that met another writer (request or node) storing the same events at the same moment. */
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Comparator<Visit> BY_ENTRY = Comparator.comparing(Visit::entered)
            .thenComparing(Visit::visitor);

    private final Database database;
    private final ZoneEventTable table;
    private final ZoneId timeZone;
    private final Duration gap;
    private final Clock clock;
    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();

    @Activate
    public HallActivityService(@Reference Database database, HallsConfig config) {
        this(database, config, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: what "the future" is for incoming events. */
    HallActivityService(Database database, HallsConfig config, Clock clock) {
        this.database = database;
        this.table = new ZoneEventTable(database.dialect());
        try {
            this.timeZone = ZoneId.of(config.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone: unknown time zone '" + config.timeZone() + "'", e);
        }
        this.gap = Duration.ofMinutes(Math.max(1, config.visitGapMinutes()));
        this.clock = clock;
        LOG.info("Hall activity in {}: a visit ends after {} min unseen", timeZone, gap.toMinutes());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    @Override
    public ZoneId timeZone() {
        return timeZone;
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(timeZone));
    }

    @Override
    public List<Hall> halls() {
        return inTransaction("read the halls", table::halls);
    }

    @Override
    public Optional<Hall> hall(String id) {
        return id == null ? Optional.empty() : inTransaction("read hall " + id, c -> table.hall(c, id));
    }

    @Override
    public IngestResult record(String hall, List<ZoneEvent> events) {
        if (events == null) {
            throw new InvalidInputException("events", "required");
        }
        Instant now = clock.instant();
        for (int attempt = 1;; attempt++) {
            try {
                Batch batch = database.inTransaction(c -> store(c, hall, events, now));
                post(batch.stored());
                LOG.debug("Hall {}: {} zone events stored, {} duplicates, {} rejected", hall, batch.stored().size(),
                        batch.duplicates(), batch.rejected().size());
                return new IngestResult(batch.stored().size(), batch.duplicates(), batch.rejected());
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isUniqueViolation(e)) {
                    // a concurrent request or another node stored some of them between our look-up and insert;
                    // the look-up of the next attempt sees them and counts them as duplicates
                    LOG.debug("Hall {}: zone events stored meanwhile by another writer; checking again", hall);
                    continue;
                }
                throw new IllegalStateException("cannot store the zone events of hall " + hall, e);
            }
        }
    }

    /** What one transaction did with a batch. */
    private record Batch(List<ZoneEvent> stored, int duplicates, List<Rejected> rejected) {
    }

    private Batch store(Connection c, String hallId, List<ZoneEvent> batch, Instant now) throws SQLException {
        Hall hall = table.hall(c, hallId).orElseThrow(() -> new NotFoundException("hall", hallId));
        List<ZoneEvent> events = new ArrayList<>(batch.size());
        Set<String> accounts = new HashSet<>();
        for (ZoneEvent e : batch) {
            ZoneEvent normalized = e == null ? null : ZoneEventRules.normalized(e);
            events.add(normalized);
            if (normalized != null && ZoneEventRules.wellFormedAccount(normalized.account())) {
                accounts.add(normalized.account());
            }
        }
        ZoneEventRules rules = new ZoneEventRules(hall, table.knownAccounts(c, accounts), now);
        List<Rejected> rejected = new ArrayList<>();
        List<ZoneEvent> valid = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ZoneEvent e = events.get(i);
            Optional<Rejected> fault = e == null ? Optional.of(new Rejected(i, "event", "required"))
                    : rules.fault(i, e);
            if (fault.isPresent()) {
                rejected.add(fault.get());
            } else {
                valid.add(new ZoneEvent(hallId, e.zone(), e.visitor(), e.account(), e.kind(), e.at(), e.detail()));
            }
        }
        Set<Key> stored = table.storedKeys(c, hallId, valid);
        Set<Key> seen = new HashSet<>();
        List<ZoneEvent> fresh = new ArrayList<>(valid.size());
        for (ZoneEvent e : valid) {
            Key key = Key.of(e);
            if (!stored.contains(key) && seen.add(key)) {
                fresh.add(e);
            }
        }
        // in key order: two writers of overlapping batches take their row locks in one order, never deadlock
        List<ZoneEvent> inKeyOrder = new ArrayList<>(fresh);
        inKeyOrder.sort(Comparator.comparing(ZoneEvent::visitor).thenComparing(ZoneEvent::at)
                .thenComparing(ZoneEvent::zone).thenComparing(ZoneEvent::kind));
        table.insert(c, hallId, inKeyOrder, ZoneEventTable.LIVE);
        return new Batch(fresh, valid.size() - fresh.size(), rejected);
    }

    /** Derby reports the failed row of a batch in the chain under its BatchUpdateException. */
    private static boolean isUniqueViolation(SQLException e) {
        for (Throwable t : e) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Tells the runtime about stored entries and exits; marked recorded so that nobody stores them again. */
    private void post(List<ZoneEvent> stored) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            return;
        }
        for (ZoneEvent e : stored) {
            String topic = switch (e.kind()) {
                case "enter" -> HallTopics.ZONE_ENTERED;
                case "leave" -> HallTopics.ZONE_LEFT;
                default -> null;
            };
            if (topic != null) {
                admin.postEvent(new Event(topic, properties(e)));
            }
        }
    }

    private static Map<String, Object> properties(ZoneEvent e) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.HALL, e.hall());
        properties.put(EventProperties.ZONE, e.zone());
        properties.put(EventProperties.VISITOR, e.visitor());
        if (e.account() != null) {
            properties.put(EventProperties.ACCOUNT, e.account());
        }
        properties.put(EventProperties.KIND, e.kind());
        if (e.detail() != null) {
            properties.put(EventProperties.DETAIL, e.detail());
        }
        properties.put(EventProperties.TIMESTAMP, e.at().toEpochMilli());
        properties.put(EventProperties.RECORDED, Boolean.TRUE);
        return properties;
    }

    @Override
    public List<Visit> visits(String hall, LocalDate day) {
        if (day == null) {
            throw new InvalidInputException("date", "required");
        }
        List<Visit> visits = new ArrayList<>();
        scanVisits(hall, startOf(day), startOf(day.plusDays(1)), visits::add);
        visits.sort(BY_ENTRY);
        return visits;
    }

    @Override
    public List<Visit> visitsOf(String account, LocalDate from, LocalDate to) {
        if (account == null || account.isBlank()) {
            throw new InvalidInputException("account", "required");
        }
        checkPeriod(from, to);
        Instant start = startOf(from);
        Instant end = startOf(to.plusDays(1));
        return inTransaction("read the visits of account " + account, c -> {
            Map<Track, Span> identified = new LinkedHashMap<>();
            table.scanAccount(c, account, start, end, e -> identified.merge(new Track(e.hall(), e.visitor()),
                    Span.of(e.at()), Span::union));
            List<Visit> visits = new ArrayList<>();
            for (Map.Entry<Track, Span> track : identified.entrySet()) {
                Trajectories trajectories = new Trajectories(gap, events -> {
                    if (events.stream().anyMatch(e -> account.equals(e.account()) && !e.at().isBefore(start)
                            && e.at().isBefore(end))) {
                        visits.add(Trajectories.visit(events));
                    }
                });
                // one gap more than the longest visit before: where the anonymous start of a visit began
                Span span = track.getValue();
                table.scanVisitor(c, track.getKey().hall(), track.getKey().visitor(),
                        span.first().minus(LONGEST_VISIT).minus(gap), span.last().plus(LONGEST_VISIT), trajectories);
                trajectories.finish();
            }
            visits.sort(BY_ENTRY.reversed());
            return visits;
        });
    }

    /** A visitor id of a hall: ticket numbers and badges come back on other days, to other people. */
    private record Track(String hall, String visitor) {
    }

    @Override
    public List<ZoneHeat> heat(String hall, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        if (ChronoUnit.DAYS.between(from, to) >= MAX_HEAT_DAYS) {
            throw new InvalidInputException("to", "at most " + MAX_HEAT_DAYS + " days from 'from'");
        }
        HeatGrid grid = new HeatGrid(timeZone);
        for (LocalDate slice = from; !slice.isAfter(to); slice = slice.plusDays(HEAT_SLICE_DAYS)) {
            LocalDate next = slice.plusDays(HEAT_SLICE_DAYS);
            scanVisits(hall, startOf(slice), startOf(next.isAfter(to) ? to.plusDays(1) : next), grid::add);
        }
        return grid.cells();
    }

    /**
     * Every visit to the hall that began from start (inclusive) to end (exclusive), in the order
     * of the visitors. Reads one gap before the start, to see whether a visitor's first event in
     * the period continues an earlier visit, and past the end for the rest of the last visits.
     */
    private void scanVisits(String hallId, Instant start, Instant end, Consumer<Visit> sink) {
        inTransaction("read the visits to hall " + hallId, c -> {
            if (table.hall(c, hallId).isEmpty()) {
                throw new NotFoundException("hall", hallId);
            }
            Trajectories trajectories = new Trajectories(gap, events -> {
                Instant began = events.get(0).at();
                if (!began.isBefore(start) && began.isBefore(end)) {
                    sink.accept(Trajectories.visit(events));
                }
            });
            table.scanHall(c, hallId, start.minus(gap), end.plus(LONGEST_VISIT), trajectories);
            trajectories.finish();
            return null;
        });
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before 'from' (" + from + ")");
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(timeZone).toInstant();
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what, e);
        }
    }
}
