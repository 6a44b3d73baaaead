package org.smarthall.api.tag;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Starts and lists tagging runs. */
@ProviderType
public interface TagRuns {

    /**
     * Starts a run as a job.
     *
     * @throws org.smarthall.api.InvalidInputException bad mode or date, or an incremental run with no
     *         completed full run to build on
     * @throws org.smarthall.api.ConflictException a run is under way
     */
    TagRun start(TagRunRequest request, String user);

    Optional<TagRun> find(long id);

    /** Runs, newest first. */
    List<TagRun> list(int offset, int limit);
}
