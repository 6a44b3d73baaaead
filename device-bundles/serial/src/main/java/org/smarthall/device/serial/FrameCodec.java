package org.smarthall.device.serial;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a device's frames are delimited and checked: a sync header, a length field at a fixed
 * place after it, a check over the frame. The transport finds the header, reads the length,
 * waits for the whole frame and asks {@link #checkOk}; a driver never sees a partial or corrupt
 * frame. Implementations are stateless.
 */
@ConsumerType
public interface FrameCodec {

    /** The sync bytes every frame starts with (at least one). */
    byte[] header();

    /** How many bytes from the start of the header are needed to know the frame's length. */
    int prefixLength();

    /**
     * The whole frame's length, header and check included.
     *
     * @param prefix the first {@link #prefixLength()} bytes of the frame, header included
     * @return the length, or -1 when the length field is impossible (the frame is counted bad)
     */
    int frameLength(byte[] prefix);

    /** The longest frame the device sends; a longer length field is impossible. */
    int maxFrameLength();

    /** Whether the frame's check (checksum, CRC) is right. */
    boolean checkOk(byte[] frame);
}
