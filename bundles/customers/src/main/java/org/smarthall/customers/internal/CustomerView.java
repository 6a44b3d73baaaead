package org.smarthall.customers.internal;

import java.util.Map;

import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSummary;

/**
 * The customer 360 view: who (identifiers masked), what their last 12 months were, and the
 * sections other bundles contribute (tags, grades, ...).
 */
public record CustomerView(CustomerProfile profile, CustomerSummary summary, Map<String, Object> facets) {
}
