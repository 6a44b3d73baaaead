package org.smarthall.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.smarthall.api.rest.Anonymous;
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiGeneratorTest {

    enum Colour {
        RED, GREEN
    }

    record Ticket(String number, Colour colour, Instant taken, List<String> flags, Map<String, Long> counts) {
    }

    @Path("/halls/")
    @RequireRoles({Role.HALL_STAFF})
    public static class HallsResource {
        @GET
        @Path("{hall}/tickets/{number: [A-Z][0-9]+}")
        @Summary("One ticket")
        public Ticket ticket(@PathParam("hall") String hall, @PathParam("number") String number) {
            return null;
        }

        @GET
        @Path("{hall}/tickets")
        @RequireRoles({Role.KIOSK})
        @Summary("Tickets")
        public Page<Ticket> tickets(@PathParam("hall") String hall, @QueryParam("limit") @DefaultValue("50") int limit) {
            return null;
        }

        @POST
        @Path("{hall}/tickets")
        @Consumes("application/json")
        @Summary(value = "Take a ticket", status = 201, returns = Ticket.class)
        public Response take(@PathParam("hall") String hall, Ticket body, @Context UriInfo uri) {
            return null;
        }

        @DELETE
        @Path("{hall}/tickets/{number}")
        public void drop(@PathParam("hall") String hall, @PathParam("number") String number) {
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    @Path("health")
    public static class HealthResource {
        @GET
        @Anonymous
        @Summary("Health")
        public Map<String, Object> health() {
            return Map.of();
        }

        @DELETE
        public void forgotTheAnnotation() {
        }
    }

    private final Map<String, Object> doc = new OpenApiGenerator().document("1.2.3",
            List.of(HallsResource.class, HealthResource.class));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
            if (current == null) {
                throw new AssertionError("no " + key + " in path " + String.join("/", keys));
            }
        }
        return (Map<String, Object>) current;
    }

    @Test
    void everyEndpointIsAPathAndMethodWithTemplatesCleanedOfPatterns() {
        Map<String, Object> paths = at(doc, "paths");
        assertEquals(List.of("/halls/{hall}/tickets", "/halls/{hall}/tickets/{number}", "/health"),
                List.copyOf(paths.keySet()));
        assertEquals(List.of("get", "post"), List.copyOf(at(paths, "/halls/{hall}/tickets").keySet()));
        assertEquals(List.of("delete", "get"), List.copyOf(at(paths, "/halls/{hall}/tickets/{number}").keySet()));
        assertEquals(4, OpenApiGenerator.endpoints(List.of(HallsResource.class)).size());
    }

    @Test
    void securityAndRolesFollowTheAnnotations() {
        Map<String, Object> ticket = at(doc, "paths", "/halls/{hall}/tickets/{number}", "get");
        assertEquals(List.of(Map.of("basic", List.of())), ticket.get("security"));
        assertEquals(List.of("hall-staff"), ticket.get("x-roles"));
        assertTrue(at(ticket, "responses").containsKey("401"));
        assertTrue(at(ticket, "responses").containsKey("404"));

        assertEquals(List.of("kiosk"), at(doc, "paths", "/halls/{hall}/tickets", "get").get("x-roles"));
        assertEquals(List.of("hall-staff"), at(doc, "paths", "/halls/{hall}/tickets/{number}", "delete").get("x-roles"),
                "no role annotation on the method: the class's applies");
        assertEquals(List.of("admin"), at(doc, "paths", "/health", "delete").get("x-roles"),
                "no role annotation anywhere: admin only");

        Map<String, Object> health = at(doc, "paths", "/health", "get");
        assertEquals(List.of(), health.get("security"));
        assertFalse(at(health, "responses").containsKey("401"));
    }

    @Test
    void bodiesParametersAndStatusesAreDescribed() {
        Map<String, Object> take = at(doc, "paths", "/halls/{hall}/tickets", "post");
        assertEquals(Map.of("$ref", "#/components/schemas/OpenApiGeneratorTestTicket"),
                at(take, "requestBody", "content", "application/json", "schema"));
        assertTrue(at(take, "responses").containsKey("201"));
        assertEquals(1, ((List<?>) take.get("parameters")).size(), "@Context is not a parameter");

        Map<String, Object> drop = at(doc, "paths", "/halls/{hall}/tickets/{number}", "delete");
        assertTrue(at(drop, "responses").containsKey("204"));

        @SuppressWarnings("unchecked")
        Map<String, Object> limit = ((List<Map<String, Object>>) at(doc, "paths", "/halls/{hall}/tickets", "get")
                .get("parameters")).get(1);
        assertEquals("query", limit.get("in"));
        assertEquals(Map.of("type", "integer", "format", "int32", "default", "50"), limit.get("schema"));
    }

    @Test
    void recordsEnumsAndGenericPagesBecomeSchemas() {
        Map<String, Object> ticket = at(doc, "components", "schemas", "OpenApiGeneratorTestTicket", "properties");
        assertEquals(Map.of("$ref", "#/components/schemas/OpenApiGeneratorTestColour"), ticket.get("colour"));
        assertEquals(Map.of("type", "string", "format", "date-time"), ticket.get("taken"));
        assertEquals(Map.of("type", "array", "items", Map.of("type", "string")), ticket.get("flags"));
        assertEquals(List.of("RED", "GREEN"), at(doc, "components", "schemas", "OpenApiGeneratorTestColour").get("enum"));

        Map<String, Object> page = at(doc, "paths", "/halls/{hall}/tickets", "get", "responses", "200", "content",
                "application/json", "schema", "properties");
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/OpenApiGeneratorTestTicket")),
                page.get("items"));
    }

    @Test
    void theDocumentIsValidJsonWithTheOpenApiHeader() throws Exception {
        String json = new ObjectMapper().writeValueAsString(doc);
        Map<?, ?> back = new ObjectMapper().readValue(json, Map.class);
        assertEquals("3.0.3", back.get("openapi"));
        assertEquals("/smarthall/api/v1", ((Map<?, ?>) ((List<?>) back.get("servers")).get(0)).get("url"));
    }
}
