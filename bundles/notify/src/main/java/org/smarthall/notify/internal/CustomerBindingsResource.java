package org.smarthall.notify.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

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

/** The addresses a customer bound on WeChat, the app and e-mail. */
@Component(service = CustomerBindingsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/customers/{account}/bindings")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerBindingsResource {

    /** An address to bind. */
    public record BindingRequest(String address) {
    }

    private final Bindings bindings;
    private final CustomerRepository customers;

    @Activate
    public CustomerBindingsResource(@Reference Bindings bindings,
            @Reference CustomerRepository customers) {
        this.bindings = bindings;
        this.customers = customers;
    }

    @GET
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("Addresses bound on WeChat, the app and e-mail, masked")
    public List<Bindings.Binding> bindings(@PathParam("account") String account) {
        known(account);
        return bindings.of(account);
    }

    @PUT
    @Path("{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER})
    @Summary(value = "Bind an address on a channel (wechat openid, app-push user id, email)",
            description = "Body: {\"address\": \"...\"}. Answers the binding, masked.")
    public Bindings.Binding bind(@PathParam("account") String account, @PathParam("channel") String channel,
            BindingRequest request) {
        known(account);
        return bindings.bind(account, channel, request == null ? null : request.address());
    }

    @DELETE
    @Path("{channel}")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER})
    @Summary(value = "Remove a binding", status = 204)
    public Response unbind(@PathParam("account") String account, @PathParam("channel") String channel) {
        known(account);
        if (!bindings.unbind(account, channel)) {
            throw new NotFoundException("binding", account + "/" + channel);
        }
        return Response.noContent().build();
    }

    private void known(String account) {
        if (customers.find(account).isEmpty()) {
            throw new NotFoundException("customer", account);
        }
    }
}
