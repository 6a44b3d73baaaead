package org.smarthall.api.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Submits, lists and cancels jobs. */
@ProviderType
public interface JobService {

    /**
     * Accepts a job; it runs in the background.
     *
     * @throws org.smarthall.api.InvalidInputException unknown type or bad parameters
     */
    JobInfo submit(String type, Map<String, String> parameters, String submittedBy);

    Optional<JobInfo> find(long id);

    /**
     * Jobs, newest first.
     *
     * @param state only jobs in this state, or every job when empty
     */
    List<JobInfo> list(Optional<JobState> state, int offset, int limit);

    /** How many jobs {@link #list} would page through. */
    long count(Optional<JobState> state);

    /**
     * Asks a job to stop; the partition under way is rolled back.
     *
     * @throws org.smarthall.api.NotFoundException no such job
     * @throws org.smarthall.api.ConflictException the job has already ended
     */
    JobInfo cancel(long id);

    /** Job types whose handler is registered now. */
    Set<String> types();
}
