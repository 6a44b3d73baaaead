/**
 * The serial transport hall-device drivers share: a driver gets a {@link org.smarthall.device.serial.SerialLink}
 * from the {@link org.smarthall.device.serial.SerialPorts} service with its
 * {@link org.smarthall.device.serial.FrameCodec}, and receives whole, checked frames. The link
 * reopens the port by itself after any I/O error and counts what it sees.
 *
 * <p>1.1.0: a {@link org.smarthall.device.serial.FrameCodec} may have an empty header (frames
 * told from noise by their check alone). A driver that relies on it imports this package at 1.1.
 */
@Export
@Version("1.2.0")
package org.smarthall.device.serial;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
