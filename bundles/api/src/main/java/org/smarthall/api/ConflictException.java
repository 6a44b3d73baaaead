package org.smarthall.api;

/** The request is well formed but clashes with the current state (cancel a finished job, book a full slot). */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
