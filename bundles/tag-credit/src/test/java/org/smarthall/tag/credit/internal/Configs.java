package org.smarthall.tag.credit.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link CreditConfig} as DS would hand it over: the given values, the annotation's defaults for the rest. */
final class Configs {
    private Configs() {
    }

    static CreditConfig config(Map<String, ?> values) {
        for (String key : values.keySet()) {
            try {
                CreditConfig.class.getMethod(key);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no attribute " + key, e);
            }
        }
        return (CreditConfig) Proxy.newProxyInstance(CreditConfig.class.getClassLoader(),
                new Class<?>[] {CreditConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "CreditConfig" + values
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : defaultOf(method);
                });
    }

    static CreditConfig defaults() {
        return config(Map.of());
    }

    static CreditModel model(Map<String, ?> values) {
        return new CreditModel(CreditRules.of(config(values)));
    }

    static Object defaultOf(Method method) {
        return method.getDefaultValue();
    }
}
