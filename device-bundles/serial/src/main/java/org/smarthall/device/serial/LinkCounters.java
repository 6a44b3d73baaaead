package org.smarthall.device.serial;

import java.time.Instant;
import java.util.Optional;

/**
 * What a link has seen since it was opened.
 *
 * @param framesGood   whole frames with a right check, handed to the driver
 * @param framesBad    frames dropped: wrong check, impossible length, or not complete in time
 * @param reconnects   times the port was opened again after an I/O error or an unplug
 * @param bytesIn      bytes read
 * @param bytesOut     bytes written
 * @param bytesSkipped bytes read outside any frame while looking for a header
 * @param lastFrame    when the last good frame's first byte arrived, empty before the first
 */
public record LinkCounters(long framesGood, long framesBad, long reconnects, long bytesIn, long bytesOut,
        long bytesSkipped, Optional<Instant> lastFrame) {
}
