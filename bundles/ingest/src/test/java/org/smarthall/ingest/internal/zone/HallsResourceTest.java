package org.smarthall.ingest.internal.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.POST;

import org.junit.jupiter.api.Test;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.IngestResult.Rejected;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.hall.ZoneHeat;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.Summary;
import org.smarthall.ingest.internal.zone.HallsResource.ZoneEventBody;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own checks, before anything reaches the hall activity. */
class HallsResourceTest {
    private final FakeActivity activity = new FakeActivity();
    private final HallsResource resource = new HallsResource(activity, HallsConfigs.of("Asia/Shanghai", 60, 3));

    @Test
    void aBatchIsRequiredAndLimited() {
        assertEquals("body", field(() -> resource.record("JN-LX", null)));
        assertEquals("body", field(() -> resource.record("JN-LX", List.of())));
        InvalidInputException tooMany = assertThrows(InvalidInputException.class,
                () -> resource.record("JN-LX", Collections.nCopies(4, body("2026-07-01T09:00:00+08:00"))));
        assertEquals("body", tooMany.violations().get(0).field());
        assertTrue(tooMany.getMessage().contains("at most 3"), tooMany.getMessage());
        assertNull(activity.recorded);
    }

    @Test
    void timesAreReadAsIsoInstantsWithTheirOffset() {
        resource.record("JN-LX", List.of(body("2026-07-01T09:00:00+08:00"), body("2026-07-01T01:00:00.250Z")));

        assertEquals("JN-LX", activity.hall);
        assertEquals(List.of(Instant.parse("2026-07-01T01:00:00Z"), Instant.parse("2026-07-01T01:00:00.250Z")),
                activity.recorded.stream().map(ZoneEvent::at).toList());
        assertNull(activity.recorded.get(0).hall(), "the hall is the path's");
        assertEquals("waiting", activity.recorded.get(0).zone());
    }

    @Test
    void unreadableTimesAreRejectedInPlaceAndTheRestGoOn() {
        activity.rejectFirst = true;
        List<ZoneEventBody> batch = new ArrayList<>(List.of(body("yesterday"), body("2026-07-01T09:00:00+08:00"),
                body("2026-07-01 09:00:00")));
        batch.add(null);

        IngestResult result = withBatch(10).record("JN-LX", batch);

        assertEquals(1, activity.recorded.size());
        // the activity rejected its event 0, which is the body's event 1
        assertEquals(List.of(new Rejected(0, "at", "x"), new Rejected(1, "zone", "x"), new Rejected(2, "at", "x"),
                new Rejected(3, "event", "x")), result.rejected().stream()
                        .map(r -> new Rejected(r.index(), r.field(), "x")).toList());
        assertTrue(result.rejected().get(0).reason().contains("ISO-8601"), result.rejected().get(0).reason());
    }

    @Test
    void theBodyIsAnArrayOfPlainJsonObjects() throws Exception {
        List<ZoneEventBody> body = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue("[{\"zone\": \"guidance\", \"visitor\": \"T-001\", \"account\": \"3701000001\","
                        + " \"kind\": \"ticket_taken\", \"at\": \"2026-07-01T09:02:00+08:00\", \"detail\": \"invoice\"},"
                        + " {\"zone\": \"guidance\", \"visitor\": \"T-002\", \"kind\": \"enter\","
                        + " \"at\": \"2026-07-01T01:03:00Z\"}]", new TypeReference<List<ZoneEventBody>>() {
                        });

        assertEquals(new ZoneEventBody("guidance", "T-001", "3701000001", "ticket_taken", "2026-07-01T09:02:00+08:00",
                "invoice"), body.get(0));
        assertNull(body.get(1).account());
        resource.record("JN-LX", body);
        assertEquals(Instant.parse("2026-07-01T01:02:00Z"), activity.recorded.get(0).at());
    }

    @Test
    void anUnknownHallIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> resource.hall("nowhere"));
        assertEquals("hall", e.what());
    }

    @Test
    void daysAreRequiredAndRead() {
        assertEquals("date", field(() -> resource.visits("JN-LX", null)));
        assertEquals("date", field(() -> resource.visits("JN-LX", "2026-13-01")));
        assertEquals("from", field(() -> resource.heat("JN-LX", "", "2026-07-01")));
        assertEquals("to", field(() -> resource.heat("JN-LX", "2026-07-01", "1 July")));

        resource.visits("JN-LX", "2026-07-01");
        assertEquals(LocalDate.of(2026, 7, 1), activity.day);
        resource.heat("JN-LX", "2026-06-01", " 2026-06-30 ");
        assertEquals(List.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)), activity.period);
    }

    @Test
    void everyEndpointNamesItsRolesAndSaysWhatItDoes() {
        List<Method> endpoints = Arrays.stream(HallsResource.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)).toList();
        assertEquals(5, endpoints.size());
        for (Method m : endpoints) {
            assertTrue(m.isAnnotationPresent(RequireRoles.class), m.getName());
            assertTrue(m.isAnnotationPresent(Summary.class), m.getName());
        }
    }

    private HallsResource withBatch(int maxBatch) {
        return new HallsResource(activity, HallsConfigs.of("Asia/Shanghai", 60, maxBatch));
    }

    private static ZoneEventBody body(String at) {
        return new ZoneEventBody("waiting", "T-001", null, "enter", at, null);
    }

    private static String field(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).violations().get(0).field();
    }

    /** Remembers what it was asked; knows no hall. */
    private static final class FakeActivity implements HallActivity {
        String hall;
        List<ZoneEvent> recorded;
        boolean rejectFirst;
        LocalDate day;
        List<LocalDate> period;

        @Override
        public List<Hall> halls() {
            return List.of();
        }

        @Override
        public Optional<Hall> hall(String id) {
            return Optional.empty();
        }

        @Override
        public IngestResult record(String hall, List<ZoneEvent> events) {
            this.hall = hall;
            this.recorded = events;
            return rejectFirst ? new IngestResult(events.size() - 1, 0, List.of(new Rejected(0, "zone", "unknown")))
                    : new IngestResult(events.size(), 0, List.of());
        }

        @Override
        public List<Visit> visits(String hall, LocalDate day) {
            this.day = day;
            return List.of();
        }

        @Override
        public List<Visit> visitsOf(String account, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<ZoneHeat> heat(String hall, LocalDate from, LocalDate to) {
            this.period = List.of(from, to);
            return List.of();
        }
    }
}
