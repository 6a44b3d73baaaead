/** The card side of the second-generation ID card SAM protocol. */
@Export
@Version("1.0.0")
package org.smarthall.device.simulators.idcard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
