package org.smarthall.api.customer;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A section of the customer 360 view contributed by another bundle: the tag engine adds the
 * customer's tags, grading adds grades, the cabins add what they know. Register as a service;
 * the view shows every registered facet under its name.
 */
@ConsumerType
public interface CustomerFacet {

    /** Key of the section in the view, e.g. {@code "tags"}. */
    String name();

    /** The section for one customer, or empty when the facet has nothing on them. Must not expose unmasked PII. */
    Optional<Object> of(CustomerProfile customer);
}
