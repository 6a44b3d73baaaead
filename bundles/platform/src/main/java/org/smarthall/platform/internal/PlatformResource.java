package org.smarthall.platform.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.platform.HealthReport;
import org.smarthall.api.platform.PlatformStatus;
import org.smarthall.api.plugin.PluginDirectory;
import org.smarthall.api.plugin.PluginInfo;
import org.smarthall.api.rest.Anonymous;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** The platform over REST: health (anonymous, for load balancers and monitors) and the plugins. */
@Component(service = PlatformResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {
    private final PlatformStatus platform;
    private final PluginDirectory plugins;

    @Activate
    public PlatformResource(@Reference PlatformStatus platform, @Reference PluginDirectory plugins) {
        this.platform = platform;
        this.plugins = plugins;
    }

    @GET
    @Path("health")
    @Anonymous
    @Summary(value = "Status, version and uptime; 503 when a check is DOWN", returns = HealthReport.class,
            description = "Each check is listed by name and status; details are left out for anonymous callers.")
    public Response health() {
        HealthReport report = platform.health();
        List<HealthReport.CheckStatus> anonymous = report.checks().stream()
                .map(c -> new HealthReport.CheckStatus(c.name(), c.status(), null))
                .toList();
        HealthReport shown = new HealthReport(report.status(), report.version(), report.uptimeSeconds(), anonymous);
        return Response.status(report.status() == HealthCheck.Status.DOWN ? 503 : 200).entity(shown).build();
    }

    @GET
    @Path("plugins")
    @RequireRoles({Role.ANALYST})
    @Summary("Every plugin in this runtime: kind, id, bundle, bundle version, state")
    public List<PluginInfo> plugins() {
        return plugins.plugins();
    }
}
