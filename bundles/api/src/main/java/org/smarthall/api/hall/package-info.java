/**
 * Point and line data of the halls: zone events as they happen, and each visit's trajectory
 * rebuilt from them.
 */
@Export
@Version("1.0.0")
package org.smarthall.api.hall;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
