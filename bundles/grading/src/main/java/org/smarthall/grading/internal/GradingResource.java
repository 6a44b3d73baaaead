package org.smarthall.grading.internal;

import java.net.URI;
import java.time.LocalDate;
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
import org.smarthall.api.grading.CustomerGrade;
import org.smarthall.api.grading.GradeCount;
import org.smarthall.api.grading.GradingRun;
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** Grading over REST: the models, their runs, their distributions and ranked lists. */
@Component(service = GradingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/grading")
@Produces(MediaType.APPLICATION_JSON)
public class GradingResource {
    static final int MAX_LIMIT = 1000;

    /** A registered model; {@code active} is false when another version of it takes precedence. */
    public record ModelInfo(String id, String version, List<String> kinds, boolean active) {
    }

    /** What a run is asked: the day the grades describe (default today). */
    public record RunRequest(LocalDate asOf) {
    }

    private final GradingEngine engine;

    @Activate
    public GradingResource(@Reference GradingEngine engine) {
        this.engine = engine;
    }

    @GET
    @RequireRoles({Role.ANALYST, Role.ACCOUNT_MANAGER, Role.HALL_MANAGER})
    @Summary("The grading models installed: id, bundle version, the customers they grade, whether runs use them")
    public List<ModelInfo> models() {
        return engine.models().stream().map(b -> new ModelInfo(b.id(), b.version(),
                b.model().kinds().stream().map(Enum::name).sorted().toList(),
                engine.model(b.id()).map(a -> a.serviceId() == b.serviceId()).orElse(false))).toList();
    }

    @POST
    @Path("{model}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.ANALYST})
    @Summary(value = "Fit a model and grade its customers, as a job", status = 202, returns = GradingRun.class,
            description = "Body (optional): {\"asOf\": \"2026-06-30\"}. 404 for an unknown model, 409 while a run of the "
                    + "model is under way. A model that refuses to fit (e.g. an inconsistent AHP matrix) fails the run "
                    + "with the reason in its job's message.")
    public Response start(@PathParam("model") String model, RunRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        GradingRun run = engine.start(model, request == null ? null : request.asOf(), security.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("grading").path(model).path("runs").path(String.valueOf(run.id())).build();
        return Response.accepted(run).location(location).build();
    }

    @GET
    @Path("{model}/runs")
    @RequireRoles({Role.ANALYST, Role.ACCOUNT_MANAGER, Role.HALL_MANAGER})
    @Summary("Runs of a model, newest first, with their parameters and quality figures")
    public Page<GradingRun> runs(@PathParam("model") String model, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        checkPage(offset, limit);
        List<GradingRun> all = engine.list(model, 0, Integer.MAX_VALUE);
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), offset, limit, all.size());
    }

    @GET
    @Path("{model}/runs/{id}")
    @RequireRoles({Role.ANALYST, Role.ACCOUNT_MANAGER, Role.HALL_MANAGER})
    @Summary("A run: the model version, what it fitted (weights and CR, centroids, coefficients), its quality figures (CR, silhouette, AUC) and its job")
    public GradingRun run(@PathParam("model") String model, @PathParam("id") long id) {
        return engine.find(model, id).orElseThrow(() -> new NotFoundException("grading run", model + "/" + id));
    }

    @GET
    @Path("{model}/distribution")
    @RequireRoles({Role.ANALYST, Role.ACCOUNT_MANAGER, Role.HALL_MANAGER})
    @Summary("How the model's customers spread over its grades")
    public List<GradeCount> distribution(@PathParam("model") String model) {
        List<GradeCount> counts = engine.distribution(model);
        if (counts.isEmpty() && engine.model(model).isEmpty()) {
            throw new NotFoundException("grading model", model);
        }
        return counts;
    }

    @GET
    @Path("{model}/ranking")
    @RequireRoles({Role.ACCOUNT_MANAGER, Role.ANALYST, Role.HALL_MANAGER})
    @Summary(value = "The model's customers by score, highest first: e.g. the customers most at risk of complaining",
            description = "grade filters to one grade. Each entry has the customer's account, grade, score and reason.")
    public Page<CustomerGrade> ranking(@PathParam("model") String model, @QueryParam("grade") String grade,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        checkPage(offset, limit);
        List<CustomerGrade> page = engine.ranking(model, grade, offset, limit);
        long total = engine.distribution(model).stream().filter(c -> grade == null || c.grade().equals(grade))
                .mapToLong(GradeCount::customers).sum();
        return new Page<>(page, offset, limit, total);
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
    }
}
