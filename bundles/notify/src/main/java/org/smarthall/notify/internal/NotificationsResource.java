package org.smarthall.notify.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.notify.Notification;
import org.smarthall.api.notify.NotificationAttempt;
import org.smarthall.api.notify.NotificationQuery;
import org.smarthall.api.notify.NotificationRequest;
import org.smarthall.api.notify.NotificationState;
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** The outbox over REST: submit a message, follow it, list a customer's or a hall's messages. */
@Component(service = NotificationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    static final int MAX_LIMIT = 1000;

    /** The body of a submit: the flags may be left out (false). */
    public record NotificationBody(String idempotencyKey, String account, String hall, String purpose, String channel,
            String template, Map<String, String> parameters, String text, Boolean urgent, Boolean requireConsent) {
        NotificationRequest toRequest() {
            return new NotificationRequest(idempotencyKey, account, hall, purpose, channel, template, parameters, text,
                    Boolean.TRUE.equals(urgent), Boolean.TRUE.equals(requireConsent));
        }
    }

    private final Outbox outbox;

    @Activate
    public NotificationsResource(@Reference Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary(value = "Put a message in the outbox", status = 201, returns = Notification.class,
            description = "Body: {\"idempotencyKey\", \"account\" | \"hall\", \"purpose\", \"channel\" (optional: routed by "
                    + "preference, consent and fallback order when absent), \"template\", \"parameters\", \"text\", "
                    + "\"urgent\", \"requireConsent\"}. 201 with the stored message; 200 with the first message when the "
                    + "idempotency key was seen before (nothing is sent again).")
    public Response submit(NotificationBody body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException("body", "a message is required");
        }
        var submitted = outbox.submit(body.toRequest());
        URI location = uri.getBaseUriBuilder().path("notifications").path(submitted.notification().id()).build();
        return (submitted.created() ? Response.created(location) : Response.ok().location(location))
                .entity(submitted.notification()).build();
    }

    @GET
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("Messages, newest first, by customer, hall, state or channel; addresses masked")
    public Page<Notification> list(@QueryParam("customer") String customer, @QueryParam("hall") String hall,
            @QueryParam("state") String state, @QueryParam("channel") String channel,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
        NotificationQuery query = new NotificationQuery(blank(customer), blank(hall), state(state), blank(channel),
                offset, limit);
        return new Page<>(outbox.list(query), offset, limit, outbox.count(query));
    }

    @GET
    @Path("counts")
    @RequireRoles({Role.HALL_MANAGER, Role.ANALYST})
    @Summary("How many messages are in each state")
    public Map<NotificationState, Long> counts() {
        return outbox.counts();
    }

    @GET
    @Path("{id}")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("A message: state, channel, masked address, attempts so far, provider id, the last reason")
    public Notification get(@PathParam("id") String id) {
        return outbox.find(id).orElseThrow(() -> new NotFoundException("message", id));
    }

    @GET
    @Path("{id}/attempts")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("What the outbox did with a message: each send and its outcome, holds, suppression, receipts")
    public List<NotificationAttempt> attempts(@PathParam("id") String id) {
        outbox.find(id).orElseThrow(() -> new NotFoundException("message", id));
        return outbox.attempts(id);
    }

    @POST
    @Path("{id}/retry")
    @RequireRoles({Role.HALL_MANAGER})
    @Summary(value = "Send a held (IN_DOUBT) or dead-lettered (FAILED) message again, with the same id",
            description = "409 for a message in any other state.")
    public Notification retry(@PathParam("id") String id, @Context SecurityContext security) {
        return outbox.retry(id, security.getUserPrincipal().getName());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static NotificationState state(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return NotificationState.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "'" + s + "' is not one of " + List.of(NotificationState.values()));
        }
    }
}
