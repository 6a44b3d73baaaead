package org.smarthall.devices.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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

/** The hall's devices over REST. */
@Component(service = DevicesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {
    private final DeviceDirectory directory;

    @Activate
    public DevicesResource(@Reference DeviceDirectory directory) {
        this.directory = directory;
    }

    @GET
    @RequireRoles({Role.HALL_MANAGER, Role.HALL_STAFF})
    @Summary(value = "Every device of this node: running drivers with link state and counters, configured devices "
            + "whose driver is missing or failed with the reason",
            description = "State CONNECTED, RECONNECTING or CLOSED for a running driver; NO_DRIVER, FAILED_ACTIVATION, "
                    + "UNSATISFIED_REFERENCE or NOT_ACTIVE with a problem text for a configured device without one. "
                    + "Counters: frames good and bad (bad checksum, bad length, timeout), reconnects, last good frame. "
                    + "Sorted by hall, then id; hall= keeps one hall's devices.")
    public List<DeviceView> list(@QueryParam("hall") String hall) {
        return directory.devices().stream().filter(d -> hall == null || hall.equals(d.hall())).toList();
    }

    @GET
    @Path("{id}")
    @RequireRoles({Role.HALL_MANAGER, Role.HALL_STAFF})
    @Summary(value = "One device by its configured id")
    public DeviceView get(@PathParam("id") String id) {
        return directory.device(id).orElseThrow(() -> new NotFoundException("device", id));
    }
}
