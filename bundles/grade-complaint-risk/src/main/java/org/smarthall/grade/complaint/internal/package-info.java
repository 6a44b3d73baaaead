/**
 * The complaint-risk grading model: a logistic regression (Smile, GPL v3, embedded in this bundle
 * and never exported) predicting a complaint in the next 90 days. Nothing here is exported: the
 * platform finds the model as a {@link org.smarthall.api.grading.GradingModel} service.
 */
package org.smarthall.grade.complaint.internal;
