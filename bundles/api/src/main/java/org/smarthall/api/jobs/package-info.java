/**
 * Long-running work (imports, tagging runs, grading runs, sweeps) as jobs with progress,
 * cancel and resume after a crash.
 *
 * <p>A {@link org.smarthall.api.jobs.JobHandler} splits its work into partitions; the job
 * runner commits each partition's writes together with its checkpoint in one database
 * transaction, so a job killed midway resumes at the first unfinished partition and ends with
 * the same result as a run that was never interrupted.
 */
@Export
@Version("1.1.0")
package org.smarthall.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
