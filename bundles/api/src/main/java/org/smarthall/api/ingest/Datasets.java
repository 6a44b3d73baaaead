package org.smarthall.api.ingest;

import java.util.List;

/** The datasets of docs/formats.md, in the order a full load imports them. */
public final class Datasets {
    public static final String CUSTOMERS = "customers";
    public static final String HALLS = "halls";
    public static final String CONSUMPTION = "consumption";
    public static final String BILLS = "bills";
    public static final String PAYMENTS = "payments";
    public static final String BALANCES = "balances";
    public static final String RECHARGES = "recharges";
    public static final String TRIPS = "trips";
    public static final String WORK_ORDERS = "work_orders";
    public static final String RATINGS = "ratings";
    public static final String CONSENTS = "consents";
    public static final String CONTACTS = "contacts";
    public static final String ZONE_EVENTS = "zone_events";
    /** The third-party credit feed: banks, payment platforms, registries and other utilities on a customer. */
    public static final String CREDIT_RECORDS = "credit_records";

    /** Master data first: the other datasets refer to customers and halls. */
    public static final List<String> ALL = List.of(CUSTOMERS, HALLS, CONSUMPTION, BILLS, PAYMENTS, BALANCES, RECHARGES,
            TRIPS, WORK_ORDERS, RATINGS, CONSENTS, CONTACTS, CREDIT_RECORDS, ZONE_EVENTS);

    private Datasets() {
    }
}
