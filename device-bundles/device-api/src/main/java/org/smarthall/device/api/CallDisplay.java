package org.smarthall.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/** A window call display or an LED board. */
@ConsumerType
public interface CallDisplay extends Device {

    /**
     * Shows a text on the display at an address.
     *
     * @param address display address on the bus (a window number for window displays, 0 for the hall board)
     */
    void show(int address, String text) throws DeviceException;
}
