/**
 * EventAdmin topics and property keys of the hall's domain events. Cabins listen on these
 * topics; nothing polls.
 */
@Export
@Version("1.0.0")
package org.smarthall.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
