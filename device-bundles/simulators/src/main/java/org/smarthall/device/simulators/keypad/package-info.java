/** The keypads' side of SmartHall's rating keypad line (5A A5 frames, SUM8, acknowledged presses). */
@Export
@Version("1.0.0")
package org.smarthall.device.simulators.keypad;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
