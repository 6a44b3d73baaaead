package org.smarthall.customers.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerRepository;

/** Builds the 360 view of a customer from the store and every registered facet. */
@Component(service = CustomerViews.class)
public class CustomerViews {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerViews.class);

    private final CustomerRepository customers;
    private final List<CustomerFacet> facets = new CopyOnWriteArrayList<>();

    @Activate
    public CustomerViews(@Reference CustomerRepository customers) {
        this.customers = customers;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFacet(CustomerFacet facet) {
        facets.add(facet);
    }

    void removeFacet(CustomerFacet facet) {
        facets.remove(facet);
    }

    public Optional<CustomerView> view(String account, LocalDate asOf) {
        return customers.find(account).map(profile -> new CustomerView(profile, customers.summary(account, asOf),
                facetsOf(profile)));
    }

    public Optional<CustomerView> view(String account) {
        return view(account, LocalDate.now(Codes.TIME_ZONE));
    }

    private Map<String, Object> facetsOf(CustomerProfile profile) {
        Map<String, Object> sections = new TreeMap<>();
        for (CustomerFacet facet : facets) {
            try {
                facet.of(profile).ifPresent(section -> sections.put(facet.name(), section));
            } catch (RuntimeException e) {
                // one broken facet must not take the whole view down
                LOG.warn("Facet {} failed for {}: {}", facet.name(), profile.account(), e.toString());
            }
        }
        return sections;
    }
}
