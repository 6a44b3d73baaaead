package org.smarthall.ingest.internal.zone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
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
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** REST view of the halls: their zones, live zone events, each day's visits and the zones' heat. */
@Component(service = HallsResource.class, configurationPid = HallsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/halls")
@Produces(MediaType.APPLICATION_JSON)
public class HallsResource {
    private final HallActivity activity;
    private final int maxBatch;

    @Activate
    public HallsResource(@Reference HallActivity activity, HallsConfig config) {
        this.activity = activity;
        this.maxBatch = config.maxBatch();
    }

    /**
     * One zone event as a hall's sensors send it: the hall is in the path.
     *
     * @param at ISO-8601 instant with an offset ({@code 2026-07-01T09:30:00+08:00} or {@code ...Z})
     */
    public record ZoneEventBody(String zone, String visitor, String account, String kind, String at, String detail) {
    }

    @GET
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ANALYST, Role.KIOSK})
    @Summary("The halls with their zones")
    public List<Hall> halls() {
        return activity.halls();
    }

    @GET
    @Path("{hall}")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ANALYST, Role.KIOSK})
    @Summary("One hall with its zones")
    public Hall hall(@PathParam("hall") String hall) {
        return activity.hall(hall).orElseThrow(() -> new NotFoundException("hall", hall));
    }

    @POST
    @Path("{hall}/zone-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.KIOSK, Role.HALL_STAFF, Role.HALL_MANAGER})
    @Summary(value = "Store a batch of the hall's zone events",
            description = "A JSON array of {zone, visitor, account, kind, at, detail}. Bad events are rejected one by "
                    + "one with their position, field and reason, the others stored; events stored before (a resent "
                    + "batch) count as duplicates and are not stored again. Stored entries and exits are posted on "
                    + "EventAdmin.")
    public IngestResult record(@PathParam("hall") String hall, List<ZoneEventBody> body) {
        if (body == null || body.isEmpty()) {
            throw new InvalidInputException("body", "a JSON array of one or more zone events is required");
        }
        if (body.size() > maxBatch) {
            throw new InvalidInputException("body", "at most " + maxBatch + " zone events per request, not "
                    + body.size() + "; send them in smaller batches");
        }
        // events whose time cannot be read are rejected here; the service numbers the rest from 0
        List<Rejected> unreadable = new ArrayList<>();
        List<ZoneEvent> events = new ArrayList<>(body.size());
        int[] position = new int[body.size()];
        for (int i = 0; i < body.size(); i++) {
            ZoneEventBody e = body.get(i);
            if (e == null) {
                unreadable.add(new Rejected(i, "event", "required"));
                continue;
            }
            Instant at;
            try {
                at = e.at() == null ? null : OffsetDateTime.parse(e.at()).toInstant();
            } catch (DateTimeParseException notIso) {
                unreadable.add(new Rejected(i, "at", "not an ISO-8601 time with offset, e.g. 2026-07-01T09:30:00+08:00"));
                continue;
            }
            position[events.size()] = i;
            events.add(new ZoneEvent(null, e.zone(), e.visitor(), e.account(), e.kind(), at, e.detail()));
        }
        IngestResult result = activity.record(hall, events);
        if (unreadable.isEmpty()) {
            return result;
        }
        List<Rejected> rejected = new ArrayList<>(unreadable);
        result.rejected().forEach(r -> rejected.add(new Rejected(position[r.index()], r.field(), r.reason())));
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return new IngestResult(result.accepted(), result.duplicates(), rejected);
    }

    @GET
    @Path("{hall}/visits")
    @RequireRoles({Role.HALL_MANAGER, Role.HALL_STAFF, Role.ANALYST})
    @Summary(value = "The visits that began on a day, each with its trajectory",
            description = "Zones in the order visited with dwell times, and the touchpoints; the day is the hall's "
                    + "local date (YYYY-MM-DD).")
    public List<Visit> visits(@PathParam("hall") String hall, @QueryParam("date") String date) {
        return activity.visits(hall, date("date", date));
    }

    @GET
    @Path("{hall}/heat")
    @RequireRoles({Role.HALL_MANAGER, Role.ANALYST})
    @Summary(value = "Stays per zone and hour of day over a period",
            description = "For each zone and local hour, the stays that began in it and their mean dwell time, over "
                    + "the days from and to inclusive (at most 366 days); only hours with stays.")
    public List<ZoneHeat> heat(@PathParam("hall") String hall, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return activity.heat(hall, date("from", from), date("to", to));
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(parameter, "required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "not a date: '" + value + "' (YYYY-MM-DD)");
        }
    }
}
