package org.smarthall.api.customer;

/** Kinds of work order from 95598 and the other channels. */
public enum WorkOrderKind {
    ENQUIRY, COMPLAINT, REPAIR, NEW_CONNECTION, FAILED_PURCHASE, OTHER
}
