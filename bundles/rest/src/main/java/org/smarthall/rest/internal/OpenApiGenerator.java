package org.smarthall.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.smarthall.api.rest.Anonymous;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Summary;

/**
 * Builds the OpenAPI 3 document from the resource classes themselves: their JAX-RS annotations,
 * the roles in {@code @RequireRoles}, the text in {@code @Summary}, the Java types of bodies.
 * Generated from what is registered, it cannot drift from the code.
 */
final class OpenApiGenerator {
    static final String OPENAPI_VERSION = "3.0.3";
    private static final String PROBLEM = "Problem";

    /** One endpoint: an HTTP method on a path template. */
    record Endpoint(String method, String path) {
    }

    Map<String, Object> document(String version, List<Class<?>> resources) {
        SchemaGenerator schemas = new SchemaGenerator();
        Map<String, Object> paths = new TreeMap<>();
        for (Class<?> resource : resources.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
            for (Method method : resourceMethods(resource)) {
                String path = pathOf(resource, method);
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, p -> new TreeMap<>());
                item.put(httpMethod(method).toLowerCase(java.util.Locale.ROOT), operation(resource, method, schemas));
            }
        }
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> schemaMap = new TreeMap<>(schemas.components());
        schemaMap.put(PROBLEM, problemSchema());
        components.put("schemas", schemaMap);
        components.put("securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic",
                "description", "A user of Karaf's JAAS realm (etc/users.properties) with SmartHall roles")));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", OPENAPI_VERSION);
        doc.put("info", Map.of("title", "SmartHall API", "version", version,
                "description", "Business-hall platform of a provincial power-supply company. Every endpoint but "
                        + "/health and /openapi.json needs HTTP Basic credentials; x-roles lists the roles "
                        + "allowed (admin may use every endpoint). Errors are RFC 7807 application/problem+json."));
        doc.put("servers", List.of(Map.of("url", RestApi.BASE_PATH)));
        doc.put("paths", paths);
        doc.put("components", components);
        return doc;
    }

    /** The endpoints the given resources declare, as the document lists them. */
    static List<Endpoint> endpoints(List<Class<?>> resources) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resourceMethods(resource)) {
                endpoints.add(new Endpoint(httpMethod(method), pathOf(resource, method)));
            }
        }
        return endpoints;
    }

    static List<Method> resourceMethods(Class<?> resource) {
        return Arrays.stream(resource.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && httpMethod(m) != null)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String pathOf(Class<?> resource, Method method) {
        String base = resource.isAnnotationPresent(Path.class) ? resource.getAnnotation(Path.class).value() : "";
        String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        // {id: [0-9]+} is a template {id} with a pattern the document does not carry
        return joined.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
    }

    private Map<String, Object> operation(Class<?> resource, Method method, SchemaGenerator schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        Summary summary = method.getAnnotation(Summary.class);
        op.put("operationId", resource.getSimpleName() + "_" + method.getName());
        op.put("summary", summary != null ? summary.value() : method.getName());
        boolean anonymous = method.isAnnotationPresent(Anonymous.class);
        String[] roles = AuthenticationFilter.allowedRoles(method, resource);
        StringBuilder description = new StringBuilder(summary != null ? summary.description() : "");
        if (!anonymous) {
            if (description.length() > 0) {
                description.append("\n\n");
            }
            description.append("Roles: ").append(String.join(", ", roles)).append(" (and admin).");
        }
        if (description.length() > 0) {
            op.put("description", description.toString());
        }
        op.put("tags", List.of(resource.getSimpleName().replaceAll("Resource$", "")));

        List<Map<String, Object>> parameters = new ArrayList<>();
        Type body = null;
        for (int i = 0; i < method.getParameterCount(); i++) {
            Parameter p = method.getParameters()[i];
            Type type = method.getGenericParameterTypes()[i];
            if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(BeanParam.class)) {
                continue;
            }
            Map<String, Object> param = new LinkedHashMap<>();
            if (p.isAnnotationPresent(PathParam.class)) {
                param.put("name", p.getAnnotation(PathParam.class).value());
                param.put("in", "path");
                param.put("required", true);
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                param.put("name", p.getAnnotation(QueryParam.class).value());
                param.put("in", "query");
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                param.put("name", p.getAnnotation(HeaderParam.class).value());
                param.put("in", "header");
            } else {
                body = type;
                continue;
            }
            Map<String, Object> schema = new LinkedHashMap<>(schemas.schemaOf(type));
            if (p.isAnnotationPresent(DefaultValue.class)) {
                schema.put("default", p.getAnnotation(DefaultValue.class).value());
            }
            param.put("schema", schema);
            parameters.add(param);
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (body != null) {
            Map<String, Object> content = new LinkedHashMap<>();
            for (String media : consumes(resource, method)) {
                content.put(media, Map.of("schema", schemas.schemaOf(body)));
            }
            op.put("requestBody", Map.of("required", true, "content", content));
        }

        Map<String, Object> responses = new TreeMap<>();
        responses.put(String.valueOf(successStatus(method, summary)), success(resource, method, summary, schemas));
        if (body != null || !parameters.isEmpty()) {
            responses.put("400", problem("Invalid input: the problem names the field"));
        }
        if (!anonymous) {
            responses.put("401", problem("No or wrong credentials"));
            responses.put("403", problem("The user has none of the roles"));
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.get("in")))) {
            responses.put("404", problem("Not found"));
        }
        responses.put("default", problem("Any other failure (409 conflict, 500 with an incident id)"));
        op.put("responses", responses);
        op.put("security", anonymous ? List.of() : List.of(Map.of("basic", List.of())));
        op.put("x-roles", anonymous ? List.of() : List.of(roles));
        return op;
    }

    private static int successStatus(Method method, Summary summary) {
        if (method.getReturnType() == void.class) {
            return 204;
        }
        return summary != null ? summary.status() : 200;
    }

    private static Map<String, Object> success(Class<?> resource, Method method, Summary summary,
            SchemaGenerator schemas) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", summary != null ? summary.value() : "Success");
        Type type = method.getGenericReturnType();
        if (method.getReturnType() == Response.class) {
            type = summary != null && summary.returns() != Void.class ? summary.returns() : null;
        }
        if (type != null && method.getReturnType() != void.class) {
            Map<String, Object> content = new LinkedHashMap<>();
            for (String media : produces(resource, method)) {
                content.put(media, Map.of("schema", schemas.schemaOf(type)));
            }
            response.put("content", content);
        }
        return response;
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of(RestApi.PROBLEM_JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/" + PROBLEM))));
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("field", Map.of("type", "string", "description", "First field at fault (400)"));
        properties.put("violations", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                Map.of("field", Map.of("type", "string"), "reason", Map.of("type", "string")))));
        properties.put("incident", Map.of("type", "string", "description", "Log reference of a 500"));
        return Map.of("type", "object", "description", "RFC 7807 problem details", "properties", properties);
    }

    private static List<String> produces(Class<?> resource, Method method) {
        Produces p = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : resource.getAnnotation(Produces.class);
        return p == null ? List.of(MediaType.APPLICATION_JSON) : List.of(p.value());
    }

    private static List<String> consumes(Class<?> resource, Method method) {
        Consumes c = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return c == null ? List.of(MediaType.APPLICATION_JSON) : List.of(c.value());
    }
}
