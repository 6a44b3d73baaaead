/**
 * How a bundle announces itself as a SmartHall plugin, and how the platform lists plugins.
 *
 * <p>A plugin is any DS service carrying the {@link org.smarthall.api.plugin.SmartHallPlugin}
 * properties; the platform lists them from the service registry, so installing or removing a
 * feature changes the list with no restart.
 */
@Export
@Version("1.1.0")
package org.smarthall.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
