package org.smarthall.device.serial;

import org.osgi.annotation.versioning.ConsumerType;
import org.smarthall.device.api.DeviceState;

/** What a driver hears from its link, on the link's reader thread: return quickly. */
@ConsumerType
public interface LinkListener {

    /** A whole frame with a right check that no {@link SerialLink#exchange} was waiting for. */
    void frame(Frame frame);

    /** The link opened, was lost, or was closed. */
    default void stateChanged(DeviceState state) {
    }
}
