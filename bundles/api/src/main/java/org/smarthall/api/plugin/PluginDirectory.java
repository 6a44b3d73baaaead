package org.smarthall.api.plugin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Lists the plugins present in this runtime, live from the service registry. */
@ProviderType
public interface PluginDirectory {

    /** Every plugin, sorted by kind then id. */
    List<PluginInfo> plugins();
}
