/**
 * Hall devices without hardware: {@link org.smarthall.device.simulators.PtyRig} makes a linked
 * pty pair with socat, {@link org.smarthall.device.simulators.SimulatedDevice} speaks a device's
 * bytes on one end with the faults of a real line. The drivers' protocol tests and the demo use them.
 */
@Export
@Version("1.0.0")
package org.smarthall.device.simulators;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
