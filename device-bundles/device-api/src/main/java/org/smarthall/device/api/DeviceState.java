package org.smarthall.device.api;

/** Link state of a device. */
public enum DeviceState {
    /** Port open, device answering. */
    CONNECTED,
    /** Port lost; the driver is trying again with backoff. */
    RECONNECTING,
    /** Closed on purpose (driver stopping or reconfigured). */
    CLOSED
}
