package org.smarthall.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule, with every field at fault named so the caller can mend it.
 * Never thrown for a server-side fault.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidInputException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken rule: the field (a JSON path, a CSV column, a parameter name) and why. */
    public record Violation(String field, String reason) {
    }
}
