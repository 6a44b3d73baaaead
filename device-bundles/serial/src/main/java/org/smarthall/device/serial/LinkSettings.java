package org.smarthall.device.serial;

import java.time.Duration;

/**
 * How a link opens and watches its port. 8 data bits, no parity, one stop bit: the hall devices
 * know no other.
 *
 * @param port          port path ({@code /dev/ttyUSB0}, a udev link, a pty link)
 * @param baud          line speed
 * @param frameTimeout  longest time from a frame's first byte to its last; a frame not complete
 *                      by then is counted bad and the search for a header starts again
 * @param backoffMax    longest wait between two attempts to open the port again: the device is
 *                      back at most this long (plus the open) after it returns
 * @param closeTimeout  longest time {@link SerialLink#close()} waits for the port to close
 */
public record LinkSettings(String port, int baud, Duration frameTimeout, Duration backoffMax, Duration closeTimeout) {
    /** First wait after a failure; it doubles up to {@link #backoffMax()}. */
    public static final Duration BACKOFF_FIRST = Duration.ofMillis(50);

    public LinkSettings {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("port is required");
        }
        if (baud < 300 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud = " + baud + " must be 300 to 4000000");
        }
        positive("frameTimeout", frameTimeout);
        positive("backoffMax", backoffMax);
        positive("closeTimeout", closeTimeout);
    }

    /** The defaults: a frame within 1 s, back within 1 s, closed within 2 s. */
    public static LinkSettings of(String port, int baud) {
        return new LinkSettings(port, baud, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
