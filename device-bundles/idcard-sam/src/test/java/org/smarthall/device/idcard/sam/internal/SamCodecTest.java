package org.smarthall.device.idcard.sam.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The SAM frames, against the command bytes the reader vendors document. */
class SamCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void theThreeCommandsAreTheDocumentedBytes() {
        assertEquals("AA AA AA 96 69 00 03 20 01 22", HEX.formatHex(SamIdCardReader.FIND));
        assertEquals("AA AA AA 96 69 00 03 20 02 21", HEX.formatHex(SamIdCardReader.SELECT));
        assertEquals("AA AA AA 96 69 00 03 30 01 32", HEX.formatHex(SamIdCardReader.READ));
    }

    @Test
    void lengthAndCheckOfAnAnswer() {
        // "no card" answer to a find: SW 00 00 80
        byte[] noCard = HEX.parseHex("AA AA AA 96 69 00 04 00 00 80 84");
        assertEquals(11, SamCodec.INSTANCE.frameLength(noCard));
        assertTrue(SamCodec.INSTANCE.checkOk(noCard));
        noCard[9] = (byte) 0x9F;
        assertFalse(SamCodec.INSTANCE.checkOk(noCard));
        // a read answer: 3 status bytes, 4 length bytes, 256 text, 1024 photo, the check
        assertEquals(1295, SamCodec.INSTANCE.frameLength(HEX.parseHex("AA AA AA 96 69 05 08")));
        assertEquals(-1, SamCodec.INSTANCE.frameLength(HEX.parseHex("AA AA AA 96 69 00 00")));
        assertArrayEquals(HEX.parseHex("AA AA AA 96 69"), SamCodec.INSTANCE.header());
    }
}
