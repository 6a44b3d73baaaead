package org.smarthall.api.plugin;

import java.util.List;

/**
 * One registered plugin as an operator sees it.
 *
 * @param kind          {@link PluginKind} value
 * @param id            plugin id within its kind
 * @param services      the service interfaces it is registered under
 * @param bundle        symbolic name of the bundle that provides it
 * @param bundleVersion version of that bundle (what a province swaps)
 * @param state         {@code ACTIVE} when its service is registered and used; {@code SHADOWED} when
 *                      another plugin of the same kind and id takes precedence (higher service
 *                      ranking, then bundle version); otherwise the component state (e.g.
 *                      {@code UNSATISFIED_REFERENCE}, {@code FAILED_ACTIVATION})
 */
public record PluginInfo(String kind, String id, List<String> services, String bundle, String bundleVersion,
        String state) {
}
