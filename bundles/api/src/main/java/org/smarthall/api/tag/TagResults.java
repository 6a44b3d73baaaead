package org.smarthall.api.tag;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tags the tag engine has written: what cabins, notifications and the customer view read.
 */
@ProviderType
public interface TagResults {

    /** The current tags of a customer, by theme and dimension; empty when never tagged. */
    List<CustomerTag> of(String account);

    /** The current tag of one theme's dimension, e.g. the preferred channel; empty when none. */
    default Optional<CustomerTag> of(String account, String theme, String dimension) {
        return of(account).stream().filter(t -> t.theme().equals(theme) && t.dimension().equals(dimension))
                .findFirst();
    }

    /**
     * How the customers are spread over a theme's values, as of the last completed tagging run.
     * Empty when no completed run has tagged with the theme.
     */
    List<TagCount> distribution(String theme);
}
