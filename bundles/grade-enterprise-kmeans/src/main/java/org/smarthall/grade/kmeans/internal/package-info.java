/**
 * The enterprise K-means grading model: six indicators per enterprise, standardised, clustered
 * with Smile's K-means (GPL v3, embedded in this bundle and never exported) and named growth,
 * maintain and risk from the centroids. Nothing here is exported: the platform finds the model
 * as a {@link org.smarthall.api.grading.GradingModel} service.
 */
package org.smarthall.grade.kmeans.internal;
