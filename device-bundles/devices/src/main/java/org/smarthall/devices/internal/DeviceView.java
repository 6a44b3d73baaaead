package org.smarthall.devices.internal;

import java.time.Instant;

import org.smarthall.device.api.DeviceInfo;

/**
 * One device as {@code hall:devices} and {@code GET /devices} show it: a running driver's
 * {@link DeviceInfo}, or a configured device whose driver is not running, with the reason.
 *
 * @param state         {@code CONNECTED}, {@code RECONNECTING} or {@code CLOSED} for a running driver;
 *                      {@code NO_DRIVER} (no driver bundle for the configuration), {@code FAILED_ACTIVATION},
 *                      {@code UNSATISFIED_REFERENCE}, {@code NOT_ACTIVE} for a configured device without one;
 *                      {@code ERROR} when the running driver could not tell its state
 * @param driver        the driver's plugin id ({@code idcard-sam}), or the configuration's factory PID when no
 *                      driver is running
 * @param driverVersion the driver bundle's version, {@code null} when none runs
 * @param configuration the ConfigAdmin PID the device was configured under, {@code null} when unknown
 * @param problem       why the device is not working, {@code null} when it is
 */
public record DeviceView(String id, String kind, String hall, String port, String state, long framesGood,
        long framesBad, long reconnects, Instant lastFrame, String driver, String driverVersion, String configuration,
        String problem) {

    static DeviceView running(DeviceInfo info, String driver, String driverVersion, String configuration) {
        return new DeviceView(info.id(), info.kind(), info.hall(), info.port(), info.state().name(), info.framesGood(),
                info.framesBad(), info.reconnects(), info.lastFrame(), driver, driverVersion, configuration, null);
    }

    /** Whether the device is up: running and its link connected. */
    public boolean connected() {
        return "CONNECTED".equals(state);
    }
}
