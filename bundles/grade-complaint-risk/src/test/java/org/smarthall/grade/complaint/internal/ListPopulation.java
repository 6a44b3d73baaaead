package org.smarthall.grade.complaint.internal;

import java.util.List;
import java.util.function.Consumer;

import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.Population;

/** A population from a list. */
final class ListPopulation implements Population {
    private final List<CustomerSnapshot> customers;

    ListPopulation(List<CustomerSnapshot> customers) {
        this.customers = customers;
    }

    @Override
    public long size() {
        return customers.size();
    }

    @Override
    public void forEach(Consumer<CustomerSnapshot> action) {
        customers.forEach(action);
    }
}
