package org.smarthall.jobs.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobService;
import org.smarthall.api.jobs.JobState;
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** REST view of the jobs: list, watch, cancel, and (for admins) start any registered job type. */
@Component(service = JobsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    static final int MAX_LIMIT = 500;

    private final JobService jobs;

    @Activate
    public JobsResource(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    /** What POST /jobs takes. */
    public record JobRequest(String type, Map<String, String> parameters) {
    }

    @GET
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER})
    @Summary("Jobs, newest first, with their progress")
    public Page<JobInfo> list(@QueryParam("state") String state, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Optional<JobState> filter = parseState(state);
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
        return new Page<>(jobs.list(filter, offset, limit), offset, limit, jobs.count(filter));
    }

    @GET
    @Path("{id}")
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER})
    @Summary(value = "One job: state, progress (done, total, rate, ETA) and counters")
    public JobInfo get(@PathParam("id") long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    @DELETE
    @Path("{id}")
    @RequireRoles({Role.ANALYST})
    @Summary(value = "Cancel a job; the partition under way is rolled back", status = 202, returns = JobInfo.class)
    public Response cancel(@PathParam("id") long id) {
        return Response.accepted(jobs.cancel(id)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.ADMIN})
    @Summary(value = "Start a job of any registered type (administrators)", status = 201, returns = JobInfo.class,
            description = "Domain endpoints such as POST /imports/{dataset} start their own jobs; this one is for "
                    + "maintenance. The type must be one of the registered job types.")
    public Response submit(JobRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "a JSON object with 'type' and 'parameters' is required");
        }
        JobInfo job = jobs.submit(request.type(), request.parameters(), security.getUserPrincipal().getName());
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(job.id())).build();
        return Response.created(location).entity(job).build();
    }

    private static Optional<JobState> parseState(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JobState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be one of " + Arrays.toString(JobState.values()));
        }
    }
}
