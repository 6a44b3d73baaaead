/** The display side of vendor call display protocols: frames parsed, texts kept per address, ACK/NAK answered. */
@Export
@Version("1.0.0")
package org.smarthall.device.simulators.display;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
