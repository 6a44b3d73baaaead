package org.smarthall.tagging.internal;

import java.net.URI;
import java.util.List;

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
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;
import org.smarthall.api.tag.TagRun;
import org.smarthall.api.tag.TagRunRequest;

/** Tagging runs over REST: start one, follow it, list them. */
@Component(service = TaggingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/tagging/runs")
@Produces(MediaType.APPLICATION_JSON)
public class TaggingResource {
    static final int MAX_LIMIT = 200;

    private final TagEngine engine;

    @Activate
    public TaggingResource(@Reference TagEngine engine) {
        this.engine = engine;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.ANALYST})
    @Summary(value = "Start a tagging run as a job", status = 202, returns = TagRun.class,
            description = "Body (optional): {\"mode\": \"full\" | \"incremental\", \"asOf\": \"2026-06-30\"}. A full run tags "
                    + "every customer with every active theme; an incremental one only the customers with new data since "
                    + "the last completed run. 409 while a run is under way.")
    public Response start(TagRunRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        TagRun run = engine.start(request, security.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("tagging").path("runs").path(String.valueOf(run.id())).build();
        return Response.accepted(run).location(location).build();
    }

    @GET
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("Tagging runs, newest first, with their jobs' state, progress and counters")
    public Page<TagRun> list(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
        List<TagRun> all = engine.list(0, Integer.MAX_VALUE);
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), offset, limit, all.size());
    }

    @GET
    @Path("{id}")
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("A tagging run: mode, as-of date, themes and versions, its job's progress and counters")
    public TagRun get(@PathParam("id") long id) {
        return engine.find(id).orElseThrow(() -> new NotFoundException("tagging run", id));
    }
}
