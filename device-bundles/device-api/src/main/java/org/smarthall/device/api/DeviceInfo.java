package org.smarthall.device.api;

import java.time.Instant;

/**
 * A device as operators see it in {@code hall:devices} and {@code GET /devices}.
 *
 * @param id          configured device id, unique in the node (e.g. {@code hall1-reader})
 * @param kind        {@code idcard-reader}, {@code ticket-printer}, {@code call-display}, {@code rating-keypad}
 * @param hall        hall the device stands in
 * @param port        serial port path
 * @param state       link state
 * @param framesGood  well-formed frames received
 * @param framesBad   frames dropped for a bad checksum, a bad length or a timeout
 * @param reconnects  times the port was reopened after an I/O error
 * @param lastFrame   when the last good frame arrived, {@code null} before the first
 */
public record DeviceInfo(String id, String kind, String hall, String port, DeviceState state, long framesGood,
        long framesBad, long reconnects, Instant lastFrame) {
}
