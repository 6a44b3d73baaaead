package org.smarthall.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/** What every device driver answers. */
@ConsumerType
public interface Device {

    DeviceInfo info();
}
