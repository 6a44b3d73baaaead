package org.smarthall.tagging.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;
import org.smarthall.api.tag.TagCount;

/** The tag themes and how customers are spread over their values. */
@Component(service = TagsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

    /** A registered theme; {@code active} is false when another version of it takes precedence. */
    public record ThemeInfo(String id, String version, boolean active) {
    }

    /**
     * The spread of one theme.
     *
     * @param runs the runs the counts come from: the last completed full run and those after it
     */
    public record Distribution(String theme, List<Long> runs, List<TagCount> counts) {
    }

    private final TagEngine engine;

    @Activate
    public TagsResource(@Reference TagEngine engine) {
        this.engine = engine;
    }

    @GET
    @Path("themes")
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.HALL_STAFF})
    @Summary("The tag themes installed: id, bundle version, and whether a run uses it or another version shadows it")
    public List<ThemeInfo> themes() {
        List<ActiveThemes.Binding> active = engine.activeThemes();
        return engine.themes().stream()
                .map(b -> new ThemeInfo(b.id(), b.version(), active.stream().anyMatch(a -> a.serviceId() == b.serviceId())))
                .toList();
    }

    @GET
    @Path("{theme}/distribution")
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("How many customers carry each value of a theme, per dimension and theme version, as of the last completed run")
    public Distribution distribution(@PathParam("theme") String theme) {
        List<Long> runs = engine.distributionRuns();
        List<TagCount> counts = engine.distribution(theme);
        if (counts.isEmpty() && engine.themes().stream().noneMatch(b -> b.id().equals(theme))) {
            throw new NotFoundException("tag theme", theme);
        }
        return new Distribution(theme, runs, counts);
    }
}
