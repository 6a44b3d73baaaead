package org.smarthall.rest.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON schemas (OpenAPI 3.0 flavour) of the types the API reads and writes, from the Java types
 * themselves: records by their components, enums by their constants. Named types go into
 * {@code components/schemas} and are referenced.
 */
final class SchemaGenerator {
    private final Map<String, Object> components = new TreeMap<>();

    Map<String, Object> components() {
        return components;
    }

    Map<String, Object> schemaOf(Type type) {
        return schemaOf(type, Map.of());
    }

    private Map<String, Object> schemaOf(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return bound != null ? schemaOf(bound, Map.of()) : object();
        }
        if (type instanceof WildcardType wildcard) {
            return schemaOf(wildcard.getUpperBounds()[0], bindings);
        }
        if (type instanceof GenericArrayType array) {
            return arrayOf(schemaOf(array.getGenericComponentType(), bindings));
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return arrayOf(schemaOf(args[0], bindings));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<String, Object> map = object();
                map.put("additionalProperties", schemaOf(args[1], bindings));
                return map;
            }
            if (raw == Optional.class) {
                return schemaOf(args[0], bindings);
            }
            if (raw.isRecord()) {
                Map<TypeVariable<?>, Type> bound = new HashMap<>(bindings);
                TypeVariable<?>[] variables = raw.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    bound.put(variables[i], args[i]);
                }
                return recordSchema(raw, bound); // a generic record is described inline, per use
            }
            return schemaOf(raw, bindings);
        }
        Class<?> cls = (Class<?>) type;
        Map<String, Object> simple = simple(cls);
        if (simple != null) {
            return simple;
        }
        if (cls.isArray()) {
            return arrayOf(schemaOf(cls.getComponentType(), bindings));
        }
        if (Collection.class.isAssignableFrom(cls)) {
            return arrayOf(object());
        }
        if (Map.class.isAssignableFrom(cls) || cls == Object.class) {
            return object();
        }
        if (cls.isEnum()) {
            return ref(cls, () -> {
                Map<String, Object> e = typed("string");
                e.put("enum", Arrays.stream(cls.getEnumConstants()).map(String::valueOf).toList());
                return e;
            });
        }
        if (cls.isRecord()) {
            return ref(cls, () -> recordSchema(cls, Map.of()));
        }
        return object();
    }

    private Map<String, Object> recordSchema(Class<?> record, Map<TypeVariable<?>, Type> bindings) {
        Map<String, Object> schema = object();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), schemaOf(component.getGenericType(), bindings));
        }
        schema.put("properties", properties);
        return schema;
    }

    private Map<String, Object> ref(Class<?> cls, java.util.function.Supplier<Map<String, Object>> build) {
        String name = name(cls);
        if (!components.containsKey(name)) {
            components.put(name, Map.of()); // placeholder first: records may refer to themselves
            components.put(name, build.get());
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static String name(Class<?> cls) {
        StringBuilder name = new StringBuilder(cls.getSimpleName());
        for (Class<?> outer = cls.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName());
        }
        return name.toString();
    }

    private static Map<String, Object> simple(Class<?> cls) {
        if (cls == String.class || cls == char.class || cls == Character.class) {
            return typed("string");
        }
        if (cls == int.class || cls == Integer.class || cls == short.class || cls == Short.class || cls == byte.class
                || cls == Byte.class) {
            return formatted("integer", "int32");
        }
        if (cls == long.class || cls == Long.class || cls == BigInteger.class) {
            return formatted("integer", "int64");
        }
        if (cls == double.class || cls == Double.class || cls == float.class || cls == Float.class
                || cls == BigDecimal.class) {
            return typed("number");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return typed("boolean");
        }
        if (cls == Instant.class || cls == OffsetDateTime.class || cls == ZonedDateTime.class
                || cls == LocalDateTime.class) {
            return formatted("string", "date-time");
        }
        if (cls == LocalDate.class) {
            return formatted("string", "date");
        }
        if (cls == LocalTime.class || cls == YearMonth.class || cls == Duration.class) {
            Map<String, Object> s = typed("string");
            s.put("description", cls == YearMonth.class ? "yyyy-MM" : cls == Duration.class ? "ISO-8601 duration" : "HH:mm:ss");
            return s;
        }
        if (cls == byte[].class) {
            return formatted("string", "byte");
        }
        return null;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return schema;
    }

    private static Map<String, Object> formatted(String type, String format) {
        Map<String, Object> schema = typed(type);
        schema.put("format", format);
        return schema;
    }

    private static Map<String, Object> object() {
        return typed("object");
    }

    private static Map<String, Object> arrayOf(Map<String, Object> items) {
        Map<String, Object> schema = typed("array");
        schema.put("items", items);
        return schema;
    }
}
