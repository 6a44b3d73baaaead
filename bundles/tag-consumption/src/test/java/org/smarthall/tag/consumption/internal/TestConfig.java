package org.smarthall.tag.consumption.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** {@link ConsumptionConfig} instances as DS would build them: the annotation's defaults, some overridden. */
final class TestConfig {
    static final String FLAT = "1,1,1,1,1,1,1,1,1,1,1,1";
    /** No seasonal adjustment, so trend tests can compare plain numbers. */
    static final Map<String, Object> FLAT_SEASONS = Map.of("residentSeason", FLAT, "enterpriseSeason", FLAT,
            "governmentSeason", FLAT);

    private TestConfig() {
    }

    static ConsumptionConfig defaults() {
        return with(Map.of());
    }

    static ConsumptionConfig with(String attribute, Object value) {
        return with(Map.of(attribute, value));
    }

    /** Values may be given as strings, as in a .cfg file; they are converted to the attribute's type. */
    static ConsumptionConfig with(Map<String, ?> overrides) {
        Map<String, Object> values = new HashMap<>();
        for (Method m : ConsumptionConfig.class.getDeclaredMethods()) {
            Object value = overrides.containsKey(m.getName()) ? convert(overrides.get(m.getName()), m.getReturnType())
                    : m.getDefaultValue();
            values.put(m.getName(), value);
        }
        for (String name : overrides.keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no attribute " + name);
            }
        }
        return (ConsumptionConfig) Proxy.newProxyInstance(TestConfig.class.getClassLoader(),
                new Class<?>[] {ConsumptionConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> ConsumptionConfig.class;
                    case "toString" -> "ConsumptionConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.get(method.getName());
                });
    }

    static ConsumptionTagger tagger() {
        return tagger(Map.of());
    }

    static ConsumptionTagger tagger(Map<String, ?> overrides) {
        return new ConsumptionTagger(ConsumptionRules.from(with(overrides)));
    }

    /** Overrides on top of {@link #FLAT_SEASONS}. */
    static ConsumptionTagger flatTagger(Map<String, ?> overrides) {
        Map<String, Object> all = new HashMap<>(FLAT_SEASONS);
        all.putAll(overrides);
        return tagger(all);
    }

    private static Object convert(Object value, Class<?> type) {
        String text = value.toString();
        if (type == int.class) {
            return Integer.valueOf(text);
        }
        if (type == double.class) {
            return Double.valueOf(text);
        }
        if (type == boolean.class) {
            return Boolean.valueOf(text);
        }
        return text;
    }
}
