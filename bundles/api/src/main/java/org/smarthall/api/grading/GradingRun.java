package org.smarthall.api.grading;

import java.time.LocalDate;
import java.util.Map;

import org.smarthall.api.jobs.JobInfo;

/**
 * A run of one grading model: fitted on the population as of a date, then grading every customer
 * of the model's kinds. What was fitted and how good it is are kept with it, so the run can be
 * reproduced and explained.
 *
 * @param id           the run's number, which is its job's id
 * @param model        model id
 * @param modelVersion version of the bundle that fitted it; {@code null} until it has been fitted
 * @param parameters   {@link FittedModel#parameters()}: weights and CR, centroids, thresholds, seeds
 * @param quality      {@link FittedModel#quality()}: consistency ratio, silhouette, AUC
 * @param population   customers the model was fitted on
 * @param job          its job: state, progress, counters
 */
public record GradingRun(long id, String model, String modelVersion, LocalDate asOf, Map<String, Object> parameters,
        Map<String, Double> quality, long population, JobInfo job) {
    /** Job type of grading runs. */
    public static final String JOB_TYPE = "grading";
}
