package org.smarthall.api.tag;

import java.time.LocalDate;
import java.util.List;

import org.smarthall.api.jobs.JobInfo;

/**
 * A run of the tag engine over the customer base.
 *
 * @param id      the run's number, which is its job's id
 * @param mode    {@value #FULL}: every customer; {@value #INCREMENTAL}: only customers with new data
 *                since the run before
 * @param asOf    the day the tags describe; histories are the 12 months before its month
 * @param baseRun for an incremental run, the run whose results it updates; {@code null} for a full run
 * @param themes  the themes active when it was planned, as {@code id@version}
 * @param job     its job: state, progress, counters ({@code customers}, {@code tags}, errors per theme)
 */
public record TagRun(long id, String mode, LocalDate asOf, Long baseRun, List<String> themes, JobInfo job) {
    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";
    /** Job type of tagging runs. */
    public static final String JOB_TYPE = "tagging";
}
