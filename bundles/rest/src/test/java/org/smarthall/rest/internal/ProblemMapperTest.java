package org.smarthall.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAllowedException;

import org.junit.jupiter.api.Test;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemMapperTest {
    private final ObjectMapper mapper = Json.mapper();

    record Booking(String hall, int people, List<String> windows) {
    }

    private JsonProcessingException parseError(String json) {
        return assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Booking.class));
    }

    @Test
    void invalidInputIs400NamingEveryField() {
        ProblemDetails p = ProblemMapper.problemFor(new InvalidInputException(List.of(
                new InvalidInputException.Violation("limit", "must be 1 to 500"),
                new InvalidInputException.Violation("state", "unknown"))), "/jobs");
        assertEquals(400, p.status());
        assertEquals("limit", p.field());
        assertEquals(2, p.violations().size());
        assertEquals("/jobs", p.instance());
        assertEquals("urn:smarthall:problem:invalid-input", p.type());
    }

    @Test
    void unknownFieldNamesTheFieldAndTheKnownOnesWithoutJavaClassNames() {
        ProblemDetails p = ProblemMapper.problemFor(parseError("{\"hall\":\"H1\",\"people\":2,\"peeple\":3}"), "/x");
        assertEquals(400, p.status());
        assertEquals("peeple", p.field());
        assertTrue(p.detail().contains("hall, people, windows"), p.detail());
        assertFalse(p.detail().contains("org.smarthall"), p.detail());
    }

    @Test
    void aMissingRequiredNumberIsNamed() {
        ProblemDetails p = ProblemMapper.problemFor(parseError("{\"hall\":\"H1\"}"), "/x");
        assertEquals("people", p.field());
        assertTrue(p.detail().contains("required"), p.detail());
    }

    @Test
    void wrongTypeNamesTheFieldAndWhatWasExpected() {
        ProblemDetails p = ProblemMapper.problemFor(parseError("{\"hall\":\"H1\",\"people\":\"three\"}"), "/x");
        assertEquals("people", p.field());
        assertTrue(p.detail().contains("\"three\"") && p.detail().contains("whole number"), p.detail());
    }

    @Test
    void wrongTypeInsideAnArrayHasAnIndexedPath() {
        ProblemDetails p = ProblemMapper.problemFor(parseError("{\"windows\":[\"A\",{\"x\":1}]}"), "/x");
        assertEquals("windows[1]", p.field());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        ProblemDetails p = ProblemMapper.problemFor(parseError("{\"hall\": \"H1\",\n \"people\": }"), "/x");
        assertEquals("body", p.field());
        assertTrue(p.detail().contains("line 2"), p.detail());
        assertFalse(p.detail().contains("Source"), p.detail());
    }

    @Test
    void anUnclosedObjectSaysSoWithoutJacksonNoise() {
        ProblemDetails p = ProblemMapper.problemFor(parseError("{\"hall\": \"H1\", "), "/x");
        assertEquals("body", p.field());
        assertFalse(p.detail().contains("REDACTED") || p.detail().contains("start marker"), p.detail());
    }

    @Test
    void aJsonErrorWrappedByTheRuntimeIsStill400() {
        ProblemDetails p = ProblemMapper.problemFor(new BadRequestException(parseError("{\"people\":true}")), "/x");
        assertEquals(400, p.status());
        assertEquals("people", p.field());
    }

    @Test
    void domainFailuresMapToTheirStatus() {
        assertEquals(404, ProblemMapper.problemFor(new NotFoundException("job", 7), "/jobs/7").status());
        assertEquals(409, ProblemMapper.problemFor(new ConflictException("job 7 has already ended"), "/jobs/7").status());
        ProblemDetails notAllowed = ProblemMapper.problemFor(new NotAllowedException("GET"), "/jobs");
        assertEquals(405, notAllowed.status());
    }

    @Test
    void anUnexpectedFailureIs500WithAnIncidentAndNothingOfTheException() throws Exception {
        ProblemDetails p = ProblemMapper.problemFor(new IllegalStateException("jdbc:postgresql://db password=s3cret"), "/x");
        assertEquals(500, p.status());
        assertNotNull(p.incident());
        assertTrue(p.detail().contains(p.incident()));
        String json = mapper.writeValueAsString(p);
        assertFalse(json.contains("s3cret"), json);
        assertFalse(json.contains("IllegalStateException"), json);
        assertFalse(json.contains("at org."), json);
        assertNull(p.field());
        Map<?, ?> body = mapper.readValue(json, Map.class);
        assertFalse(body.containsKey("field"), "absent members are left out: " + json);
    }
}
