/**
 * The prepaid-trips grading model: prepaid residents by meter trips in the 12 months before the
 * grading date into normal, occasional and frequent (seed 003). Nothing here is exported: the
 * platform finds the model as a {@link org.smarthall.api.grading.GradingModel} service.
 */
package org.smarthall.grade.trips.internal;
