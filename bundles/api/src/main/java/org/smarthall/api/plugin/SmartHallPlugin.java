package org.smarthall.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that marks a DS component as a SmartHall plugin:
 * <pre>
 * &#64;Component(service = TagTheme.class)
 * &#64;SmartHallPlugin(kind = PluginKind.TAG_THEME, id = "fee-risk")
 * public class FeeRiskTheme implements TagTheme { ... }
 * </pre>
 * gives the service the properties {@code smarthall.plugin.kind} and {@code smarthall.plugin.id}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SmartHallPlugin {
    String PREFIX_ = "smarthall.plugin.";

    /** One of the {@link PluginKind} constants. */
    String kind();

    /** Unique within its kind, stable across versions: a province's replacement keeps the id. */
    String id();
}
