package org.smarthall.api.grading;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;
import org.smarthall.api.customer.CustomerSnapshot;

/**
 * The customers a model is fitted on, streamed from the store: never held in memory whole.
 * It may be scanned more than once (K-means iterates); each scan sees the same customers in
 * the same order.
 */
@ProviderType
public interface Population {

    long size();

    void forEach(Consumer<CustomerSnapshot> action);
}
