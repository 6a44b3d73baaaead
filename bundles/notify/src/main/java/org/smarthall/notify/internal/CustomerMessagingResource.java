package org.smarthall.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
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
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.Consent;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** A customer's consents to be messaged, and the addresses bound on WeChat, the app and e-mail. */
@Component(service = CustomerMessagingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/customers/{account}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerMessagingResource {

    /** One consent as staff record it: the account is the path's, the time now unless given. */
    public record ConsentChange(String purpose, String channel, Boolean granted, String place, Instant at) {
    }

    /** An address to bind. */
    public record BindingRequest(String address) {
    }

    private final ConsentBook consents;
    private final Bindings bindings;
    private final CustomerRepository customers;

    @Activate
    public CustomerMessagingResource(@Reference ConsentBook consents, @Reference Bindings bindings,
            @Reference CustomerRepository customers) {
        this.consents = consents;
        this.bindings = bindings;
        this.customers = customers;
    }

    @GET
    @Path("consents")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("The consents in force: per purpose and channel the latest one given or withdrawn, with where")
    public List<Consent> consents(@PathParam("account") String account) {
        known(account);
        return consents.of(account);
    }

    @PUT
    @Path("consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary(value = "Record consents given or withdrawn (a subscription signed in the hall, a withdrawal on the phone)",
            description = "Body: [{\"purpose\": \"purchase_reminder\", \"channel\": \"wechat\", \"granted\": true, "
                    + "\"place\": \"hall_form\"}]. All or nothing: one bad item records none. Answers the consents in force.")
    public List<Consent> record(@PathParam("account") String account, List<ConsentChange> changes) {
        known(account);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException("body", "a list of one or more consents is required");
        }
        List<Consent> checked = new ArrayList<>();
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < changes.size(); i++) {
            ConsentChange ch = changes.get(i);
            if (ch == null || ch.granted() == null) {
                violations.add(new InvalidInputException.Violation("[" + i + "].granted", "true or false is required"));
                continue;
            }
            try {
                checked.add(ConsentBook.checked(new Consent(account, ch.purpose(), ch.channel(), ch.granted(), ch.at(),
                        ch.place()), now));
            } catch (InvalidInputException e) {
                for (InvalidInputException.Violation v : e.violations()) {
                    violations.add(new InvalidInputException.Violation("[" + i + "]." + v.field(), v.reason()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        consents.recordAll(checked);
        return consents.of(account);
    }

    @GET
    @Path("bindings")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("Addresses bound on WeChat, the app and e-mail, masked")
    public List<Bindings.Binding> bindings(@PathParam("account") String account) {
        known(account);
        return bindings.of(account);
    }

    @PUT
    @Path("bindings/{channel}")
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
    @Path("bindings/{channel}")
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
