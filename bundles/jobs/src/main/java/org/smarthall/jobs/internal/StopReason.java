package org.smarthall.jobs.internal;

/** Why a running job stops before its end. */
enum StopReason {
    /** Someone cancelled it: it ends CANCELLED. */
    CANCEL,
    /** This node is stopping: it stays RUNNING and resumes at the next start. */
    SHUTDOWN,
    /** Its handler's bundle went away: it waits for the handler to come back. */
    HANDLER_GONE,
    /** A partition failed: it ends FAILED. */
    FAILURE
}
