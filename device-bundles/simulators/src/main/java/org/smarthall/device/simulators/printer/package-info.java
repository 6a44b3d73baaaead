/** The printer side of ESC/POS: what a ticket printer would print, and its real-time status. */
@Export
@Version("1.0.0")
package org.smarthall.device.simulators.printer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
