package org.smarthall.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smarthall.device.api.PrinterStatus;
import org.smarthall.device.printer.escpos.internal.RealTimeStatus.Answers;
import org.smarthall.device.printer.escpos.internal.RealTimeStatus.Query;

/** DLE EOT 1 to 4: the requests, which bytes are answers at all, and what each bit means. */
class RealTimeStatusTest {
    /** Every answer with no bit but the fixed ones: 0001 0010. */
    private static final int CLEAR = 0x12;

    @Test
    void theFourQueries() {
        assertArrayEquals(new byte[] {0x10, 0x04, 0x01}, Query.PRINTER.request());
        assertArrayEquals(new byte[] {0x10, 0x04, 0x02}, Query.OFFLINE_CAUSE.request());
        assertArrayEquals(new byte[] {0x10, 0x04, 0x03}, Query.ERROR_CAUSE.request());
        assertArrayEquals(new byte[] {0x10, 0x04, 0x04}, Query.PAPER.request());
    }

    @Test
    void onlyBytesWithTheFixedBitsAreAnswers() {
        List<Integer> answers = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            if (RealTimeStatus.CODEC.checkOk(new byte[] {(byte) b})) {
                answers.add(b);
            }
        }
        // bits 2, 3, 5 and 6 are free: 16 answers, from 0x12 to 0x7E
        assertEquals(16, answers.size());
        assertEquals(List.of(0x12, 0x16, 0x1A, 0x1E, 0x32, 0x36, 0x3A, 0x3E, 0x52, 0x56, 0x5A, 0x5E, 0x72, 0x76, 0x7A,
                0x7E), answers);
        // each fixed bit wrong alone: bit 0 set, bit 1 clear, bit 4 clear, bit 7 set; and the simulator's spoilt 0x48
        for (int noise : new int[] {0x13, 0x10, 0x02, 0x92, 0x48, 0x00, 0xFF}) {
            assertFalse(RealTimeStatus.CODEC.checkOk(new byte[] {(byte) noise}), Integer.toHexString(noise));
        }
        assertEquals(0, RealTimeStatus.CODEC.header().length);
        assertEquals(1, RealTimeStatus.CODEC.frameLength(new byte[] {CLEAR}));
        assertThrows(IllegalArgumentException.class, () -> new Answers(CLEAR, 0x13, CLEAR, CLEAR));
    }

    @Test
    void allClearIsReady() {
        Answers a = new Answers(CLEAR, CLEAR, CLEAR, CLEAR);
        assertEquals(new PrinterStatus(true, false, false, false), a.status());
        assertTrue(a.status().ready());
        assertEquals("", a.cause());
    }

    @Test
    void printerStatusBit3IsOffline() {
        Answers a = new Answers(0x1A, CLEAR, CLEAR, CLEAR);
        assertEquals(new PrinterStatus(false, false, false, false), a.status());
        assertEquals("offline", a.cause());
        // the other free bits of n=1 (drawer pin, waiting for recovery, feed button) change nothing here
        assertEquals(new PrinterStatus(true, false, false, false), new Answers(0x76, CLEAR, CLEAR, CLEAR).status());
    }

    @Test
    void offlineCauseBit2IsTheCoverBit5ThePaperEndBit6AnError() {
        Answers cover = new Answers(0x1A, 0x16, CLEAR, CLEAR);
        assertEquals(new PrinterStatus(false, false, false, true), cover.status());
        assertEquals("cover open", cover.cause());
        Answers stopped = new Answers(0x1A, 0x32, CLEAR, CLEAR);
        assertTrue(stopped.status().paperOut(), "stopped at the paper end counts as paper out");
        assertEquals("paper out", stopped.cause());
        assertEquals("error", new Answers(0x1A, 0x52, CLEAR, CLEAR).cause());
        // bit 3 (paper fed by the button) is no cause
        assertEquals(new PrinterStatus(true, false, false, false), new Answers(CLEAR, 0x1A, CLEAR, CLEAR).status());
    }

    @Test
    void errorCauseBitsAreNamed() {
        assertEquals("cutter error", new Answers(0x1A, 0x52, 0x1A, CLEAR).cause());
        assertEquals("unrecoverable error", new Answers(0x1A, 0x52, 0x32, CLEAR).cause());
        assertEquals("auto-recoverable error", new Answers(0x1A, 0x52, 0x52, CLEAR).cause());
        assertEquals("cutter error, unrecoverable error, auto-recoverable error",
                new Answers(0x1A, 0x52, 0x7A, CLEAR).cause());
    }

    @Test
    void paperSensorBits2And3AreNearEndBits5And6TheEnd() {
        Answers low = new Answers(CLEAR, CLEAR, CLEAR, 0x1E);
        assertEquals(new PrinterStatus(true, false, true, false), low.status());
        assertTrue(low.status().ready(), "near the end still prints");
        // either bit of a pair is enough (printers set one or both)
        assertTrue(new Answers(CLEAR, CLEAR, CLEAR, 0x16).status().paperNearEnd());
        assertTrue(new Answers(CLEAR, CLEAR, CLEAR, 0x1A).status().paperNearEnd());
        Answers out = new Answers(0x1A, 0x32, CLEAR, 0x7E);
        assertEquals(new PrinterStatus(false, true, true, false), out.status());
        assertEquals("paper out", out.cause());
        assertTrue(new Answers(0x1A, CLEAR, CLEAR, 0x32).status().paperOut());
        assertTrue(new Answers(0x1A, CLEAR, CLEAR, 0x52).status().paperOut());
        assertEquals("paper out, cover open", new Answers(0x1A, 0x36, CLEAR, 0x72).cause());
    }
}
