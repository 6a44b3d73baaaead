package org.smarthall.tag.channel.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link ChannelPreferenceConfig} as DS would build it: the given attributes, the rest at their defaults. */
final class Configs {
    private Configs() {
    }

    static ChannelPreferenceConfig defaults() {
        return with(Map.of());
    }

    static ChannelPreferenceConfig with(Map<String, Object> attributes) {
        return (ChannelPreferenceConfig) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {ChannelPreferenceConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "config " + attributes;
                        };
                    }
                    Object value = attributes.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    static ChannelPreference rules(Map<String, Object> attributes) {
        return new ChannelPreference(ChannelRules.of(with(attributes)));
    }
}
