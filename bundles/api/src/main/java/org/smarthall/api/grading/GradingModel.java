package org.smarthall.api.grading;

import java.time.LocalDate;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.smarthall.api.customer.CustomerKind;

/**
 * Grades one kind of customer. Register as a service with
 * {@code @SmartHallPlugin(kind = PluginKind.GRADING_MODEL, id = ...)}; a province replaces a
 * model by installing a bundle with the same id.
 */
@ConsumerType
public interface GradingModel {

    /** Model id, e.g. {@code "gov-ahp"}; equals the plugin id. */
    String id();

    /** The customers this model grades. */
    Set<CustomerKind> kinds();

    /**
     * Fits the model on the population as of a date.
     *
     * @throws GradingException when the configuration or the data does not allow a sound model
     */
    FittedModel fit(Population population, LocalDate asOf) throws GradingException;
}
