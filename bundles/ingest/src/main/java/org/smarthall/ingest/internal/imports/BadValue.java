package org.smarthall.ingest.internal.imports;

/** A raw value that breaks its field's rule; the message is the reason shown to the user. */
final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String reason) {
        super(reason, null, false, false);
    }
}
