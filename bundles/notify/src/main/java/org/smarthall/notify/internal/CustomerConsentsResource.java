package org.smarthall.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

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

/** A customer's consents to be messaged. */
@Component(service = CustomerConsentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/customers/{account}/consents")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerConsentsResource {

    /** One consent as staff record it: the account is the path's, the time now unless given. */
    public record ConsentChange(String purpose, String channel, Boolean granted, String place, Instant at) {
    }

    private final ConsentBook consents;
    private final CustomerRepository customers;

    @Activate
    public CustomerConsentsResource(@Reference ConsentBook consents, @Reference CustomerRepository customers) {
        this.consents = consents;
        this.customers = customers;
    }

    @GET
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER})
    @Summary("The consents in force: per purpose and channel the latest one given or withdrawn, with where")
    public List<Consent> consents(@PathParam("account") String account) {
        known(account);
        return consents.of(account);
    }

    @PUT
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

    private void known(String account) {
        if (customers.find(account).isEmpty()) {
            throw new NotFoundException("customer", account);
        }
    }
}
