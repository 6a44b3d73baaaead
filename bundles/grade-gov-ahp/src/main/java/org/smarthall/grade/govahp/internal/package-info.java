/**
 * The gov-ahp grading model, version 1.0: government customers weighted by the analytic hierarchy
 * process into diamond, platinum and gold. Nothing here is exported: the grading engine finds the
 * model as a {@link org.smarthall.api.grading.GradingModel} service.
 */
package org.smarthall.grade.govahp.internal;
