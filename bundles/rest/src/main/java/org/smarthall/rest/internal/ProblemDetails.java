package org.smarthall.rest.internal;

import java.util.List;

import org.smarthall.api.InvalidInputException.Violation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem, with SmartHall's extension members.
 *
 * @param field      the first field at fault, for a 400
 * @param violations every field at fault, for a 400
 * @param incident   id to find a 500 in the server log; the body never carries a stack trace
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, String instance, String field,
        List<Violation> violations, String incident) {

    static final String TYPE_PREFIX = "urn:smarthall:problem:";

    static ProblemDetails of(String kind, String title, int status, String detail, String instance) {
        return new ProblemDetails(TYPE_PREFIX + kind, title, status, detail, instance, null, null, null);
    }
}
