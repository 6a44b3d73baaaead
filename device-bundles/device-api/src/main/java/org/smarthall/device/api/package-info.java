/**
 * The contract a hall-device driver implements: identity-card readers, ticket and receipt
 * printers, call displays and rating keypads.
 *
 * <p>A driver is a bundle with a DS component per configured port (a ConfigAdmin factory PID
 * with a Metatype form). It registers its device interface with
 * {@code smarthall.plugin.kind=device}, reports readings as EventAdmin events on the
 * {@link org.smarthall.device.api.DeviceTopics} topics, and keeps every failure inside its
 * own bundle.
 */
@Export
@Version("1.0.0")
package org.smarthall.device.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
