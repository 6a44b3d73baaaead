package org.smarthall.device.serial;

import org.osgi.annotation.versioning.ProviderType;

/** Opens links; a service, so that drivers need not know the serial library. */
@ProviderType
public interface SerialPorts {

    /**
     * Opens a link and starts reading. It returns at once: when the port is not there yet the
     * link is {@link org.smarthall.device.api.DeviceState#RECONNECTING} and keeps trying.
     */
    SerialLink open(LinkSettings settings, FrameCodec codec, LinkListener listener);
}
