package org.smarthall.cabin.guidance.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;
import org.smarthall.cabin.guidance.Greeting;
import org.smarthall.cabin.guidance.Portrait;

/**
 * The guidance desk's screens: {@code GET /halls/{hall}/guidance/latest} and the stream
 * {@code GET /halls/{hall}/guidance/stream}. Staff ({@code hall-staff}, {@code hall-manager},
 * {@code admin}) get the whole {@link Portrait}; a {@code kiosk} (a self-service terminal, the
 * public guidance screen) gets the {@link Greeting} only: masked name, route and the customer
 * message, nothing of tags, grades, arrears, accounts or staff cautions.
 */
@Component(service = GuidanceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/halls/{hall}/guidance")
public class GuidanceResource {
    private final GuidanceHub hub;

    @Activate
    public GuidanceResource(@Reference GuidanceHub hub) {
        this.hub = hub;
    }

    @GET
    @Path("latest")
    @Produces(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.KIOSK, Role.HALL_STAFF, Role.HALL_MANAGER})
    @Summary(value = "The hall's latest swipe: the customer's portrait and suggested route",
            description = "Staff (hall-staff, hall-manager) get the portrait: masked name and ID number, age band,"
                    + " accounts, tags, grades, arrears, open work orders, prepaid figures, staff cautions and the route"
                    + " with its reasons. A kiosk gets a greeting only: {id, hall, greeting, route, message, at}. 404 when"
                    + " the hall had no swipe within latestTtlMinutes.", returns = Portrait.class)
    public Response latest(@PathParam("hall") String hall, @Context SecurityContext security) {
        checkHall(hall);
        Portrait portrait = hub.latest(hall).orElseThrow(() -> new NotFoundException("recent swipe in hall", hall));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.ok(isStaff(security) ? portrait : Greeting.of(portrait)).cacheControl(noStore).build();
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RequireRoles({Role.KIOSK, Role.HALL_STAFF, Role.HALL_MANAGER})
    @Summary(value = "The hall's swipes as server-sent events (text/event-stream)",
            description = "Staff get events 'portrait' (data: the portrait's JSON), a kiosk events 'greeting' (data:"
                    + " {id, hall, greeting, route, message, at}); id = the portrait's id. Send Last-Event-ID to resume:"
                    + " the buffered portraits after it come first (those within latestTtlMinutes). Comment lines every"
                    + " heartbeatSeconds keep the stream open.")
    public void stream(@PathParam("hall") String hall, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        checkHall(hall);
        SseViewer viewer = new SseViewer(sink, sse, isStaff(security));
        viewer.open(hall, hub.settings().retry().toMillis());
        hub.streams().connect(hall, viewer, lastEventId == null || lastEventId.isBlank() ? null : lastEventId.strip());
    }

    /** Staff roles see the portrait; {@code admin} passes every role check. Everyone else here is a kiosk. */
    static boolean isStaff(SecurityContext security) {
        return security != null && (security.isUserInRole(Role.HALL_STAFF) || security.isUserInRole(Role.HALL_MANAGER));
    }

    private static void checkHall(String hall) {
        if (!HallIds.isValid(hall)) {
            throw new InvalidInputException("hall", "must be " + HallIds.RULE);
        }
    }
}
