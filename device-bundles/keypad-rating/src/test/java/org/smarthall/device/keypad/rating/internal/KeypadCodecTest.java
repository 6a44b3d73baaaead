package org.smarthall.device.keypad.rating.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.AckEcho;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.KeyPress;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.Unknown;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.simulators.keypad.RatingKeypadSimulator;

/** The keypad frames against the bytes documented in docs/device-vendors.md, summed by hand. */
class KeypadCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    /** Address 0C, key 03, sequence 7F: 05 + 0C + 01 + 03 + 7F = 0x94. */
    private static final String PRESS = "5A A5 05 0C 01 03 7F 94";

    @Test
    void acknowledgementsAreTheDocumentedBytes() {
        // 04 + 01 + 81 + 00 = 0x86
        assertEquals("5A A5 04 01 81 00 86", HEX.formatHex(KeypadCodec.ack(1, 0)));
        // 04 + 0C + 81 + 7F = 0x110: the sum keeps its low byte
        assertEquals("5A A5 04 0C 81 7F 10", HEX.formatHex(KeypadCodec.ack(0x0C, 0x7F)));
        assertEquals("5A A5 04 FE 81 FF 82", HEX.formatHex(KeypadCodec.ack(254, 255)));
    }

    @Test
    void aPressIsDecodedAndTheSimulatorWritesTheSameBytes() {
        byte[] press = HEX.parseHex(PRESS);
        assertArrayEquals(press, RatingKeypadSimulator.pressFrame(0x0C, 0x03, 0x7F));
        assertTrue(KeypadCodec.INSTANCE.checkOk(press));
        assertEquals(new KeyPress(12, 3, 127), KeypadCodec.decode(new Frame(press, 0)));
        assertEquals("5A A5 05 01 01 01 00 08", HEX.formatHex(RatingKeypadSimulator.pressFrame(1, 1, 0)));
    }

    @Test
    void everyByteOfThePressIsUnderTheCheck() {
        byte[] press = HEX.parseHex(PRESS);
        for (int i = 2; i < press.length; i++) {
            byte[] spoilt = press.clone();
            spoilt[i] ^= 0x01;
            assertFalse(KeypadCodec.INSTANCE.checkOk(spoilt), "byte " + i);
        }
    }

    @Test
    void theLengthByteGivesTheFrameLengthAndNonsenseIsRefused() {
        assertArrayEquals(HEX.parseHex("5A A5"), KeypadCodec.INSTANCE.header());
        assertEquals(3, KeypadCodec.INSTANCE.prefixLength());
        assertEquals(8, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 05")));
        assertEquals(7, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 04")));
        assertEquals(35, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 20")));
        assertEquals(35, KeypadCodec.INSTANCE.maxFrameLength());
        assertEquals(-1, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 03")));
        assertEquals(-1, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 00")));
        assertEquals(-1, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 21")));
        assertEquals(-1, KeypadCodec.INSTANCE.frameLength(HEX.parseHex("5A A5 FF")));
    }

    @Test
    void anEchoedAckAndUnknownFramesAreToldApart() {
        assertEquals(new AckEcho(12, 127), KeypadCodec.decode(new Frame(KeypadCodec.ack(0x0C, 0x7F), 0)));
        // type 02 (say, a later keypad's heartbeat): 05 + 01 + 02 + 00 + 00 = 08
        assertEquals(new Unknown(1, 2, 5), KeypadCodec.decode(new Frame(HEX.parseHex("5A A5 05 01 02 00 00 08"), 0)));
        // a press one byte too long: 06 + 01 + 01 + 01 + 00 + 00 = 09
        assertEquals(new Unknown(1, 1, 6),
                KeypadCodec.decode(new Frame(HEX.parseHex("5A A5 06 01 01 01 00 00 09"), 0)));
    }
}
