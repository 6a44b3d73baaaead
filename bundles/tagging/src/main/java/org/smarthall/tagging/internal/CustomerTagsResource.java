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
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;
import org.smarthall.api.tag.CustomerTag;

/** A customer's current tags. */
@Component(service = CustomerTagsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/customers/{account}/tags")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTagsResource {
    private final TagEngine engine;
    private final CustomerRepository customers;

    @Activate
    public CustomerTagsResource(@Reference TagEngine engine, @Reference CustomerRepository customers) {
        this.engine = engine;
        this.customers = customers;
    }

    @GET
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.ANALYST})
    @Summary(value = "A customer's tags: per theme and dimension the value, score, reason, theme version and run",
            description = "An empty list when the customer has not been tagged yet; 404 when there is no such customer.")
    public List<CustomerTag> tags(@PathParam("account") String account) {
        List<CustomerTag> tags = engine.of(account);
        if (tags.isEmpty() && customers.find(account).isEmpty()) {
            throw new NotFoundException("customer", account);
        }
        return tags;
    }
}
