package org.smarthall.device.keypad.rating.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.KeyPress;

/** A resend (same address, key and sequence number, soon after) is told from a new press. */
class ResendFilterTest {
    private static final long MS = 1_000_000L;
    private final ResendFilter filter = new ResendFilter(Duration.ofSeconds(5));

    @Test
    void aResendWithinTheWindowIsNotNew() {
        assertTrue(filter.isNew(new KeyPress(1, 1, 7), 0));
        assertFalse(filter.isNew(new KeyPress(1, 1, 7), 300 * MS));
        assertFalse(filter.isNew(new KeyPress(1, 1, 7), 5_000 * MS));
    }

    @Test
    void theNextSequenceNumberAnotherKeyOrAnotherAddressIsNew() {
        assertTrue(filter.isNew(new KeyPress(1, 1, 7), 0));
        assertTrue(filter.isNew(new KeyPress(2, 1, 7), MS), "another keypad");
        assertTrue(filter.isNew(new KeyPress(1, 1, 8), 2 * MS), "the next press on the same key");
        assertTrue(filter.isNew(new KeyPress(1, 2, 8), 3 * MS), "a keypad restarted at the same number, other key");
        assertFalse(filter.isNew(new KeyPress(2, 1, 7), 4 * MS), "the other keypad's resend");
    }

    @Test
    void theSameFrameAfterTheWindowIsANewPress() {
        assertTrue(filter.isNew(new KeyPress(1, 1, 7), 0));
        assertTrue(filter.isNew(new KeyPress(1, 1, 7), 5_001 * MS));
    }

    @Test
    void resendsDoNotStretchTheWindow() {
        assertTrue(filter.isNew(new KeyPress(1, 1, 7), 0));
        assertFalse(filter.isNew(new KeyPress(1, 1, 7), 4_000 * MS));
        assertTrue(filter.isNew(new KeyPress(1, 1, 7), 6_000 * MS));
    }

    @Test
    void wrappingSequenceNumbersAreNew() {
        assertTrue(filter.isNew(new KeyPress(1, 1, 255), 0));
        assertTrue(filter.isNew(new KeyPress(1, 1, 0), MS));
    }
}
