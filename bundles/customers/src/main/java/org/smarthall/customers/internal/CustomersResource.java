package org.smarthall.customers.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.Visit;
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** Customers over REST: the 360 view, the ID-card lookup, search, a customer's hall visits. */
@Component(service = CustomersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {
    static final int MAX_LIMIT = 200;
    private static final Pattern ACCOUNT = Pattern.compile("\\d{10}");

    private final CustomerViews views;
    private final CustomerRepository customers;
    private final PiiProtector pii;
    private final HallActivity halls;

    @Activate
    public CustomersResource(@Reference CustomerViews views, @Reference CustomerRepository customers,
            @Reference PiiProtector pii, @Reference HallActivity halls) {
        this.views = views;
        this.customers = customers;
        this.pii = pii;
        this.halls = halls;
    }

    @GET
    @RequireRoles({Role.KIOSK, Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.ANALYST})
    @Summary(value = "Find customers: by identity number (ID-card lookup, kiosks too) or by a search string",
            description = "With idNumber: the customers with that resident identity number, matched by its keyed hash; "
                    + "the number is checked (GB 11643) and never stored or logged. With q: a name prefix, an account "
                    + "prefix, a masked phone (138****5678), its last four digits or a whole phone. Identity numbers "
                    + "and phones are masked in the results. Kiosks may only look up by identity number.")
    public Page<CustomerProfile> find(@QueryParam("idNumber") String idNumber, @QueryParam("q") String q,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("20") int limit,
            @Context SecurityContext security) {
        if (idNumber != null) {
            Pii.idNumberProblem(idNumber, LocalDate.now(Codes.TIME_ZONE))
                    .ifPresent(problem -> {
                        throw new InvalidInputException("idNumber", problem);
                    });
            List<CustomerProfile> found = customers.findByIdHash(pii.hashIdNumber(idNumber));
            return new Page<>(found, 0, found.size(), found.size());
        }
        if (!isStaff(security)) {
            throw new ForbiddenException("a kiosk may only look customers up by identity number");
        }
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "give idNumber or a search string q");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
        return new Page<>(customers.search(q, offset, limit), offset, limit, customers.count(q));
    }

    private static boolean isStaff(SecurityContext security) {
        for (String role : List.of(Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.ANALYST)) {
            if (security.isUserInRole(role)) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("{account}")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.ANALYST})
    @Summary(value = "Customer 360: masked profile, the last 12 months summed up, and the sections other bundles add (tags, grades)")
    public CustomerView get(@PathParam("account") String account) {
        checkAccount(account);
        return views.view(account).orElseThrow(() -> new NotFoundException("customer", account));
    }

    @GET
    @Path("{account}/visits")
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.ANALYST})
    @Summary(value = "A customer's hall visits, newest first: zones with dwell times and touchpoints",
            description = "from and to are local dates, inclusive; by default the last 12 months.")
    public List<Visit> visits(@PathParam("account") String account, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        checkAccount(account);
        if (customers.find(account).isEmpty()) {
            throw new NotFoundException("customer", account);
        }
        LocalDate end = date("to", to, LocalDate.now(Codes.TIME_ZONE));
        LocalDate start = date("from", from, end.minusYears(1));
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "is after to");
        }
        return halls.visitsOf(account, start, end);
    }

    private static void checkAccount(String account) {
        if (!ACCOUNT.matcher(account).matches()) {
            throw new InvalidInputException("account", "an account number is 10 digits");
        }
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a date (2026-07-01)");
        }
    }
}
