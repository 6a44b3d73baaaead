package org.smarthall.api.grading;

/** A model refuses to fit: an inconsistent comparison matrix, too few customers. The message says why. */
public class GradingException extends Exception {
    private static final long serialVersionUID = 1L;

    public GradingException(String message) {
        super(message);
    }
}
