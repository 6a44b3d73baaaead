package org.smarthall.api.grading;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Starts and lists grading runs. */
@ProviderType
public interface GradingRuns {

    /**
     * Starts a run of a model as a job.
     *
     * @param asOf the day the grades describe; today (China Standard Time) when null
     * @throws org.smarthall.api.NotFoundException no model of that id is installed
     * @throws org.smarthall.api.ConflictException a run of that model is under way
     */
    GradingRun start(String model, LocalDate asOf, String user);

    Optional<GradingRun> find(String model, long id);

    /** Runs of a model, newest first. */
    List<GradingRun> list(String model, int offset, int limit);
}
