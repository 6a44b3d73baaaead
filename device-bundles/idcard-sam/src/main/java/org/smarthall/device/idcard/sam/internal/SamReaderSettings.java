package org.smarthall.device.idcard.sam.internal;

import java.time.Duration;

import org.smarthall.device.serial.LinkSettings;

/**
 * A reader's configuration, checked: one that makes no sense is refused with the attribute
 * named. Meanings are those of {@link SamReaderConfig}.
 */
record SamReaderSettings(String deviceId, String hall, LinkSettings link, Duration pollInterval,
        Duration answerTimeout) {

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    static SamReaderSettings of(SamReaderConfig c) {
        String id = required("deviceId", c.deviceId());
        String hall = required("hall", c.hall());
        String port = required("port", c.port());
        int baud = within("baud", c.baud(), 9_600, 921_600);
        Duration frameTimeout = Duration.ofMillis(within("frameTimeoutMillis", c.frameTimeoutMillis(), 50, 10_000));
        Duration backoffMax = Duration.ofMillis(within("backoffMaxMillis", c.backoffMaxMillis(), 50, 60_000));
        return new SamReaderSettings(id, hall,
                new LinkSettings(port, baud, frameTimeout, backoffMax, Duration.ofSeconds(2)),
                Duration.ofMillis(within("pollIntervalMillis", c.pollIntervalMillis(), 50, 10_000)),
                Duration.ofMillis(within("answerTimeoutMillis", c.answerTimeoutMillis(), 100, 10_000)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("idcard-sam configuration refused: " + name + " is required");
        }
        return value.strip();
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "idcard-sam configuration refused: " + name + " = " + value + " must be " + min + " to " + max);
        }
        return value;
    }
}
