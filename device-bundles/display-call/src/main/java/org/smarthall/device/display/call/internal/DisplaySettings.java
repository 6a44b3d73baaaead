package org.smarthall.device.display.call.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smarthall.device.serial.LinkSettings;

/**
 * A display bus's configuration, checked: one that makes no sense is refused with the key
 * named. Meanings are those of {@link DisplayConfig}.
 */
record DisplaySettings(String deviceId, String hall, LinkSettings link, VendorProfile profile, Duration ackTimeout,
        int retries) {
    private static final String REFUSED = "display-call configuration refused: ";

    /** @throws IllegalArgumentException naming the key when the configuration makes no sense */
    static DisplaySettings of(DisplayConfig c) {
        String id = required("deviceId", c.deviceId());
        String hall = required("hall", c.hall());
        String port = required("port", c.port());
        int baud = within("baud", c.baud(), 1_200, 921_600);
        Duration frameTimeout = Duration.ofMillis(within("frameTimeoutMillis", c.frameTimeoutMillis(), 50, 10_000));
        Duration backoffMax = Duration.ofMillis(within("backoffMaxMillis", c.backoffMaxMillis(), 50, 60_000));
        Duration ackTimeout = Duration.ofMillis(within("ackTimeoutMillis", c.ackTimeoutMillis(), 20, 10_000));
        int retries = within("retries", c.retries(), 0, 10);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(VendorProfile.HEADER, c.header());
        overrides.put(VendorProfile.ADDRESS_WIDTH, c.addressWidth());
        overrides.put(VendorProfile.ADDRESS_POSITION, c.addressPosition());
        overrides.put(VendorProfile.LENGTH_WIDTH, c.lengthWidth());
        overrides.put(VendorProfile.BYTE_ORDER, c.byteOrder());
        overrides.put(VendorProfile.LENGTH_COUNTS, c.lengthCounts());
        overrides.put(VendorProfile.COMMAND, c.command());
        overrides.put(VendorProfile.ENCODING, c.encoding());
        overrides.put(VendorProfile.TRAILER, c.trailer());
        overrides.put(VendorProfile.CHECKSUM, c.checksum());
        overrides.put(VendorProfile.CHECKSUM_ORDER, c.checksumOrder());
        overrides.put(VendorProfile.ACK, c.ack());
        overrides.put(VendorProfile.ACK_STATUS, c.ackStatus());
        overrides.put(VendorProfile.NAK_STATUS, c.nakStatus());
        overrides.put(VendorProfile.MAX_CHARS, c.maxChars());
        VendorProfile profile;
        try {
            profile = VendorProfile.configured(c.profile(), overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REFUSED + e.getMessage(), e);
        }
        return new DisplaySettings(id, hall, new LinkSettings(port, baud, frameTimeout, backoffMax, Duration.ofSeconds(2)),
                profile, ackTimeout, retries);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(REFUSED + name + " is required");
        }
        return value.strip();
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(REFUSED + name + " = " + value + " must be " + min + " to " + max);
        }
        return value;
    }
}
