package org.smarthall.device.api;

/** A device could not do what was asked (not connected, out of paper, no answer in time). */
public class DeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
