package org.smarthall.device.keypad.rating.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.smarthall.device.keypad.rating.internal.KeypadCodec.KeyPress;

/**
 * Tells a new press from a keypad's resend of one already seen. A keypad sends one press at a
 * time and repeats it, byte for byte, until it is acknowledged; so a press equal to the last one
 * from its address (same key, same sequence number) within the window is a resend. One entry per
 * address: at most 254. Called from the link's reader thread only.
 */
final class ResendFilter {
    private record Seen(int key, int sequence, long atNanos) {
    }

    private final long windowNanos;
    private final Map<Integer, Seen> last = new HashMap<>();

    ResendFilter(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** Whether the press is new (and remembers it); false for a resend. */
    boolean isNew(KeyPress press, long nowNanos) {
        Seen before = last.get(press.address());
        boolean resend = before != null && before.key() == press.key() && before.sequence() == press.sequence()
                && nowNanos - before.atNanos() <= windowNanos;
        if (!resend) {
            // a resend does not move the window: a keypad stuck resending cannot hide a later real press forever
            last.put(press.address(), new Seen(press.key(), press.sequence(), nowNanos));
        }
        return !resend;
    }
}
