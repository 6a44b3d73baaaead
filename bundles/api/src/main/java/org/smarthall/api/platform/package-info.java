/**
 * Health of the running platform: contributed checks and the report built from them.
 */
@Export
@Version("1.0.0")
package org.smarthall.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
