package org.smarthall.devices.internal;

/**
 * A device configuration (a factory configuration under {@code org.smarthall.device.*}) and what
 * the component runtime says of it.
 *
 * @param pid            the configuration's PID
 * @param factoryPid     the driver's factory PID
 * @param deviceId       the configured {@code deviceId}, or the PID when none is set
 * @param hall           the configured {@code hall}, may be {@code null}
 * @param port           the configured {@code port}, may be {@code null}
 * @param componentState {@code NO_DRIVER} when no component takes the factory PID, else the component
 *                       configuration's state ({@code FAILED_ACTIVATION}, {@code UNSATISFIED_REFERENCE},
 *                       {@code ACTIVE}, ...) or {@code NOT_ACTIVE} when it has none for this PID
 * @param failure        the activation failure the runtime recorded, {@code null} when none
 */
record ConfiguredDevice(String pid, String factoryPid, String deviceId, String hall, String port,
        String componentState, String failure) {
}
