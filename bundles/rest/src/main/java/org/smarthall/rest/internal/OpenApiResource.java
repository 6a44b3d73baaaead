package org.smarthall.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.rest.Anonymous;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Summary;

/** Serves the OpenAPI document of every endpoint registered in the application right now. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/openapi.json")
public class OpenApiResource {
    private final BundleContext context;
    private final OpenApiGenerator generator = new OpenApiGenerator();

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Anonymous
    @Produces(MediaType.APPLICATION_JSON)
    @Summary("This API as an OpenAPI 3 document, built from the endpoints registered now")
    public Map<String, Object> document() {
        String version = context.getBundle().getVersion().toString();
        return generator.document(version, ResourceClasses.of(context));
    }
}
