/** The job runner: never exported; other bundles use {@link org.smarthall.api.jobs.JobService}. */
package org.smarthall.jobs.internal;
