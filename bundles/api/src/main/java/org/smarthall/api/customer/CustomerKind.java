package org.smarthall.api.customer;

/** The four kinds of customer a provincial company serves. */
public enum CustomerKind {
    /** Resident on a post-paid (billed) meter. */
    RESIDENT,
    /** Resident on a prepaid smart meter that trips when the balance runs out. */
    PREPAID_RESIDENT,
    ENTERPRISE,
    GOVERNMENT
}
