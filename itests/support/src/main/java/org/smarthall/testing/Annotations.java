package org.smarthall.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Instances of configuration annotations (Metatype OCDs) for components built in tests and
 * tools, as Declarative Services would pass them: the annotation's defaults, some overridden.
 */
public final class Annotations {
    private Annotations() {
    }

    /** The configuration with every attribute at its default. */
    public static <A extends Annotation> A of(Class<A> type) {
        return of(type, Map.of());
    }

    /** The configuration with the given attributes (by method name) and defaults for the rest. */
    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        for (String name : values.keySet()) {
            try {
                type.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no attribute " + name);
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return "@" + type.getSimpleName() + values;
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : defaultOf(method);
            }
        });
        return type.cast(proxy);
    }

    private static Object defaultOf(Method method) {
        Object value = method.getDefaultValue();
        if (value == null) {
            throw new IllegalStateException(method.getName() + " has no default: give it a value");
        }
        return value;
    }
}
