package org.smarthall.grading.internal;

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
import org.smarthall.api.grading.CustomerGrade;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** A customer's current grades. */
@Component(service = CustomerGradesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/customers/{account}/grades")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerGradesResource {
    private final GradingEngine engine;
    private final CustomerRepository customers;

    @Activate
    public CustomerGradesResource(@Reference GradingEngine engine, @Reference CustomerRepository customers) {
        this.engine = engine;
        this.customers = customers;
    }

    @GET
    @RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER, Role.ACCOUNT_MANAGER, Role.ANALYST})
    @Summary(value = "A customer's grades: per model the grade, score, reason, model version and run",
            description = "An empty list when no model has graded the customer; 404 when there is no such customer.")
    public List<CustomerGrade> grades(@PathParam("account") String account) {
        List<CustomerGrade> grades = engine.of(account);
        if (grades.isEmpty() && customers.find(account).isEmpty()) {
            throw new NotFoundException("customer", account);
        }
        return grades;
    }
}
