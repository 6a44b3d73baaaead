package org.smarthall.device.serial;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.api.DeviceState;

/**
 * An open serial port that stays open: after an I/O error, an end of file or an unplugged
 * adapter it opens the port again with backoff, by itself.
 */
@ProviderType
public interface SerialLink extends AutoCloseable {

    DeviceState state();

    LinkCounters counters();

    /**
     * What {@code hall:devices} and {@code GET /devices} show of the device on this link: the
     * port, the link's state and its counters, under the driver's id, kind and hall.
     */
    DeviceInfo deviceInfo(String deviceId, String kind, String hall);

    /** Writes bytes as they are. */
    void write(byte[] bytes) throws DeviceException;

    /**
     * Writes a request and waits for the next good frame, which then goes to this call and not to
     * the listener. One exchange at a time per link.
     *
     * @return the answer, or empty when none came in time
     */
    Optional<Frame> exchange(byte[] request, Duration timeout) throws DeviceException;

    /** Stops the reader and closes the port, on another thread, waiting at most the close timeout. */
    @Override
    void close();
}
