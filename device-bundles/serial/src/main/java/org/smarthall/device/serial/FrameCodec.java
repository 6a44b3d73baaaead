package org.smarthall.device.serial;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a device's frames are delimited and checked: a sync header, a length field at a fixed
 * place after it, a check over the frame. The transport finds the header, reads the length,
 * waits for the whole frame and asks {@link #checkOk}; a driver never sees a partial or corrupt
 * frame. Implementations are stateless.
 *
 * <p>Since 1.1: a codec may have no header ({@link #header()} empty). Then every byte read may
 * begin a frame, and the check alone tells a frame from noise: a frame that fails it is counted
 * bad and the search goes on from the next byte. This fits answers without a header, such as an
 * ESC/POS printer's one-byte real-time status with its fixed bits.
 */
@ConsumerType
public interface FrameCodec {

    /** The sync bytes every frame starts with; empty when frames have none (since 1.1). */
    byte[] header();

    /** How many bytes from the start of the frame are needed to know its length: at least one, at least the header. */
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
