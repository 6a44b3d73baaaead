package org.smarthall.rest.internal;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.InvalidInputException.Violation;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.rest.RestApi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure of the API as application/problem+json. A 500 names an incident id, never a stack trace. */
@Component(service = ExceptionMapper.class, property = SmartHallApplication.EXTENSION + "=problems")
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        ProblemDetails problem = problemFor(exception, instance());
        Response.ResponseBuilder response = Response.status(problem.status()).type(RestApi.PROBLEM_JSON).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", AuthenticationFilter.CHALLENGE);
        }
        return response.build();
    }

    private String instance() {
        try {
            return uriInfo == null ? null : "/" + uriInfo.getPath();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    static ProblemDetails problemFor(Throwable exception, String instance) {
        Throwable t = unwrap(exception);
        if (t instanceof InvalidInputException invalid) {
            return invalidInput(invalid.violations(), instance);
        }
        if (t instanceof JsonProcessingException json) {
            return invalidInput(List.of(describe(json)), instance);
        }
        if (t instanceof NotFoundException notFound) {
            return ProblemDetails.of("not-found", "Not found", 404, notFound.getMessage(), instance);
        }
        if (t instanceof ConflictException conflict) {
            return ProblemDetails.of("conflict", "Conflict", 409, conflict.getMessage(), instance);
        }
        if (t instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String kind = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            return ProblemDetails.of(kind, status.getReasonPhrase(), status.getStatusCode(), web.getMessage(), instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {} at {}", incident, instance, exception);
        return new ProblemDetails(ProblemDetails.TYPE_PREFIX + "internal-error", "Internal error", 500,
                "The server failed on this request; quote incident " + incident + " to the administrator.", instance,
                null, null, incident);
    }

    private static ProblemDetails invalidInput(List<Violation> violations, String instance) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; "));
        return new ProblemDetails(ProblemDetails.TYPE_PREFIX + "invalid-input", "Invalid input", 400, detail, instance,
                violations.get(0).field(), violations, null);
    }

    /** The runtime wraps what a body reader throws; the cause says what went wrong. */
    private static Throwable unwrap(Throwable exception) {
        Throwable t = exception;
        while (t instanceof WebApplicationException && t.getCause() != null
                && (t.getCause() instanceof JsonProcessingException || t.getCause() instanceof InvalidInputException
                        || t.getCause() instanceof WebApplicationException)) {
            t = t.getCause();
        }
        return t;
    }

    /** A Jackson failure in the caller's terms: which field, what was expected. No Java class names. */
    static Violation describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : "; known fields: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            return new Violation(path(unknown), "unknown field" + known);
        }
        if (e instanceof InvalidFormatException format) {
            return new Violation(path(format), "cannot read " + quote(format.getValue()) + " as "
                    + typeName(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && String.valueOf(mismatch.getOriginalMessage()).contains("`null`")) {
            return new Violation(path(mismatch), "is required (" + typeName(mismatch.getTargetType()) + ")");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String target = mismatch.getTargetType() == null ? "the expected shape" : typeName(mismatch.getTargetType());
            return new Violation(path(mismatch), "expected " + target + at(e));
        }
        if (e instanceof JsonParseException parse) {
            return new Violation("body", "malformed JSON" + at(e) + ": " + withoutSource(parse.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException mapping) {
            Throwable cause = mapping.getCause();
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : "invalid value";
            return new Violation(path(mapping), reason);
        }
        return new Violation("body", "unreadable JSON" + at(e));
    }

    /** Jackson appends where the input came from; the caller knows, and it says nothing useful. */
    static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                .replaceAll("\\s*\\[Source:[^]]*]", "").strip();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        return "an object";
    }
}
