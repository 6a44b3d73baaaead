package org.smarthall.api.tag;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.smarthall.api.customer.CustomerSnapshot;

/**
 * Tags one customer on one theme. A pure function of the snapshot and the theme's own
 * configuration: no I/O. The tagging engine streams snapshots in partitions, calls every active
 * theme and writes results in batches with the theme's id and its bundle's version.
 *
 * <p>Register as a service with {@code @SmartHallPlugin(kind = PluginKind.TAG_THEME, id = ...)}.
 * A province replaces a theme by installing a bundle with the same id.
 */
@ConsumerType
public interface TagTheme {

    /** Theme id, e.g. {@code "fee-risk"}; equals the plugin id. */
    String id();

    /**
     * Tags of one customer as of a date. Must not throw on missing data: it answers
     * {@link TagValue#unknown(String, String)} with the reason instead.
     */
    List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf);
}
