package org.smarthall.api.ingest;

import org.smarthall.api.jobs.JobInfo;

/**
 * An import and its job.
 *
 * @param rejects number of rejected rows listed for it
 */
public record ImportInfo(long id, String dataset, ImportFormat format, String charset, String fileName, String sha256,
        long bytes, JobInfo job, long rejects) {
}
