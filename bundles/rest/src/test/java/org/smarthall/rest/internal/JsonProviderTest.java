package org.smarthall.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

class JsonProviderTest {
    private final JsonProvider provider = new JsonProvider();

    record Event(String hall, Instant at, Map<String, String> data) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json, Class<?> type) throws IOException {
        return provider.readFrom((Class) type, type, null, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recordsRoundTripWithIsoInstants() throws IOException {
        Event event = new Event("H1", Instant.parse("2026-11-23T08:30:00Z"), Map.of("zone", "payment"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(event, Event.class, Event.class, null, MediaType.APPLICATION_JSON_TYPE, null, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"2026-11-23T08:30:00Z\""), json);
        assertEquals(event, read(json, Event.class));
    }

    @Test
    void anEmptyBodyReadsAsNullForTheResourceToRefuse() throws IOException {
        assertNull(read("", Event.class));
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThrows(UnrecognizedPropertyException.class, () -> read("{\"hall\":\"H1\",\"hal\":\"x\"}", Event.class));
    }

    @Test
    void jsonAndProblemJsonButNotRawBodies() {
        assertTrue(provider.isWriteable(Event.class, Event.class, null, MediaType.valueOf("application/problem+json")));
        assertTrue(provider.isReadable(Event.class, Event.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(provider.isWriteable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(provider.isReadable(Event.class, Event.class, null, MediaType.TEXT_PLAIN_TYPE));
    }
}
