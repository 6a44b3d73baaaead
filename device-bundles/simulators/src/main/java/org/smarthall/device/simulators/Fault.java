package org.smarthall.device.simulators;

/** What a simulator does wrong to a frame it sends. Unplug and slow line are on {@link SimulatedDevice}. */
public enum Fault {
    /** The frame's last byte (its check byte in every protocol simulated here) is flipped. */
    BAD_CHECKSUM,
    /** Only the first half of the frame is sent; the rest never comes. */
    TRUNCATED
}
