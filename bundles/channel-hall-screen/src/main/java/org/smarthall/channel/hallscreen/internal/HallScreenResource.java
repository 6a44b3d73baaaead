package org.smarthall.channel.hallscreen.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/**
 * {@code GET /halls/{hall}/screen/stream}: the hall's messages as server-sent events, for the
 * hall's TVs and big screen (a page with an {@code EventSource}). A resource of the SmartHall
 * application, so the application's filter authenticates the screen against the JAAS realm
 * (HTTP Basic: the TV's browser asks once and sends the credentials with the stream's request,
 * which is same-origin) before the stream opens.
 *
 * <p>The stream opens with {@code retry:} and a comment, then replays the hall's buffered events
 * after the {@code Last-Event-ID} the screen sends when it reconnects (all buffered events of the
 * replay window when it sends none, or one no longer buffered), then goes live; a comment line
 * every {@code heartbeatSeconds} keeps it open.
 */
@Component(service = HallScreenResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/halls/{hall}/screen")
public class HallScreenResource {
    private final HallScreenHub hub;

    @Activate
    public HallScreenResource(@Reference HallScreenHub hub) {
        this.hub = hub;
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RequireRoles({Role.KIOSK, Role.HALL_STAFF, Role.HALL_MANAGER})
    @Summary(value = "The hall's screen messages as server-sent events (text/event-stream)",
            description = "Each event: id = message id, event = purpose (outage, notice...), data = JSON {messageId,"
                    + " purpose, text, parameters, urgent, at}. Send Last-Event-ID to resume: the buffered events after"
                    + " it come first. Comment lines every heartbeatSeconds keep the stream open. Any hall id of 1 to 40"
                    + " letters, digits, '_' or '-' may be listened to; 400 otherwise.")
    public void stream(@PathParam("hall") String hall, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        if (!HallIds.isValid(hall)) {
            throw new InvalidInputException("hall", "must be " + HallIds.RULE);
        }
        SseScreen screen = new SseScreen(sink, sse);
        screen.open(hall, hub.settings().retry().toMillis());
        hub.screens().connect(hall, screen, lastEventId == null || lastEventId.isBlank() ? null : lastEventId.strip());
    }
}
