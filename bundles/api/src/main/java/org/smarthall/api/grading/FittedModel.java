package org.smarthall.api.grading;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.smarthall.api.customer.CustomerSnapshot;

/**
 * A model fitted on a population, ready to grade customers. Its parameters and quality figures
 * are stored beside the run's results so the run can be reproduced and explained.
 */
@ConsumerType
public interface FittedModel {

    /** What was fitted or configured: weights, centroids, thresholds, seed. JSON-serialisable values. */
    Map<String, Object> parameters();

    /** Quality figures: consistency ratio, silhouette, AUC. */
    Map<String, Double> quality();

    Grade grade(CustomerSnapshot customer);
}
