/**
 * The serial transport hall-device drivers share: a driver gets a {@link org.smarthall.device.serial.SerialLink}
 * from the {@link org.smarthall.device.serial.SerialPorts} service with its
 * {@link org.smarthall.device.serial.FrameCodec}, and receives whole, checked frames. The link
 * reopens the port by itself after any I/O error and counts what it sees.
 */
@Export
@Version("1.0.0")
package org.smarthall.device.serial;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
