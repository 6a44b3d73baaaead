package org.smarthall.api.customer;

import java.util.List;

/**
 * One customer with the histories the tag themes and grading models read: typically the last
 * 12 months, as the engine that builds it decides. Lists are never {@code null}; an empty list
 * means no such events (which a theme must tell apart from missing data in the profile).
 */
public record CustomerSnapshot(CustomerProfile profile, List<MonthlyConsumption> consumption, List<Bill> bills,
        List<Payment> payments, List<Recharge> recharges, List<Trip> trips, List<WorkOrder> workOrders,
        List<Rating> ratings, List<VisitSummary> visits, List<Contact> contacts, List<CreditRecord> credit) {

    public CustomerSnapshot {
        consumption = List.copyOf(consumption);
        bills = List.copyOf(bills);
        payments = List.copyOf(payments);
        recharges = List.copyOf(recharges);
        trips = List.copyOf(trips);
        workOrders = List.copyOf(workOrders);
        ratings = List.copyOf(ratings);
        visits = List.copyOf(visits);
        contacts = List.copyOf(contacts);
        credit = List.copyOf(credit);
    }

    /** A snapshot without third-party credit records. */
    public CustomerSnapshot(CustomerProfile profile, List<MonthlyConsumption> consumption, List<Bill> bills,
            List<Payment> payments, List<Recharge> recharges, List<Trip> trips, List<WorkOrder> workOrders,
            List<Rating> ratings, List<VisitSummary> visits, List<Contact> contacts) {
        this(profile, consumption, bills, payments, recharges, trips, workOrders, ratings, visits, contacts, List.of());
    }

    public String account() {
        return profile.account();
    }
}
