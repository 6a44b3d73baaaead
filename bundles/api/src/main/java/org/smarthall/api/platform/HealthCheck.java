package org.smarthall.api.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A piece of the platform that can tell whether it works (the database answers, a device is
 * connected). Register it as a service; the health report picks it up.
 */
@ConsumerType
public interface HealthCheck {

    /** Short, stable name, e.g. {@code "store"}. */
    String name();

    /** Must return quickly (well under a second) and never throw. */
    Result check();

    enum Status {
        UP, DEGRADED, DOWN
    }

    /** @param detail for operators; never shown to anonymous callers */
    record Result(Status status, String detail) {
        public static Result up(String detail) {
            return new Result(Status.UP, detail);
        }

        public static Result down(String detail) {
            return new Result(Status.DOWN, detail);
        }
    }
}
