package org.smarthall.api.jobs;

import java.sql.Connection;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** What a handler gets while planning or finishing a job. */
@ProviderType
public interface JobContext {

    long jobId();

    Map<String, String> parameters();

    /**
     * A connection in the transaction of the current step. The runner commits it together
     * with the step's checkpoint, or rolls it back; handlers never commit or close it.
     */
    Connection connection();

    /** True once someone asked to cancel; long steps should check it and stop early. */
    boolean cancelled();
}
