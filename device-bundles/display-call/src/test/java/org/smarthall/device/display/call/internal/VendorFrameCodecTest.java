package org.smarthall.device.display.call.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Golden bytes: every expected frame is written out below as the display's manual would table
 * it (README.md), and its check bytes are computed a second way in the test itself.
 */
class VendorFrameCodecTest {
    private static final VendorFrameCodec LED = new VendorFrameCodec(VendorProfile.LED_GBK_SUM8);
    private static final VendorFrameCodec WINDOW = new VendorFrameCodec(VendorProfile.WINDOW_CRC16_ACK);
    private static final String CALL = "请A023号到3号窗口";

    // --- led-gbk-sum8: AA 55 | len hi lo (GBK text bytes) | addr | GBK | SUM8 of len..text | 0D

    @Test
    void ledChineseCall() {
        // 请 C7EB, A 41, 0 30, 2 32, 3 33, 号 BAC5, 到 B5BD, 3 33, 号 BAC5, 窗 B4B0, 口 BFDA: 17 bytes = 00 11
        assertLed("AA 55 00 11 03 C7 EB 41 30 32 33 BA C5 B5 BD 33 BA C5 B4 B0 BF DA 3C 0D", 3, CALL);
    }

    @Test
    void ledAscii() {
        // 00+04+0C+41+30+32+33 = 0xE6
        assertLed("AA 55 00 04 0C 41 30 32 33 E6 0D", 12, "A023");
    }

    @Test
    void ledHallBoardAtAddressZero() {
        // 欢 BBB6 迎 D3AD 光 B9E2 临 C1D9, then " Welcome" in ASCII: 16 bytes
        assertLed("AA 55 00 10 00 BB B6 D3 AD B9 E2 C1 D9 20 57 65 6C 63 6F 6D 65 22 0D", 0, "欢迎光临 Welcome");
    }

    @Test
    void ledLongestText() {
        String longest = "0123456789".repeat(6) + "ABCD";
        assertEquals(VendorProfile.LED_GBK_SUM8.maxChars(), longest.length());
        assertLed("AA 55 00 40 FF"
                + " 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39"
                + " 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39"
                + " 41 42 43 44 97 0D", 255, longest);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LED.show(1, longest + "E"));
        assertEquals("a text of 65 characters is longer than the 64 this display shows (led-gbk-sum8)", e.getMessage());
    }

    @Test
    void aCharacterTheEncodingLacksIsSentAsAQuestionMarkAndCounted() {
        VendorFrameCodec.Encoded e = LED.show(1, "A\uD83D\uDE00"); // A and an emoji: two characters
        assertEquals(1, e.replaced());
        assertArrayEquals(hex("AA 55 00 02 01 41 3F 83 0D"), e.frame());
    }

    @Test
    void anAddressOutsideItsFieldIsRefused() {
        assertEquals("address 256 does not fit the 1-byte address field (0 to 255)",
                assertThrows(IllegalArgumentException.class, () -> LED.show(256, "A")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LED.show(-1, "A"));
        assertThrows(IllegalArgumentException.class, () -> WINDOW.show(65_536, "A"));
    }

    // --- window-crc16-ack: 02 | addr hi lo | len (whole frame) | 31 | UTF-16LE | CRC16/MODBUS lo hi | 03

    @Test
    void windowChineseCall() {
        // 1 + 2 + 1 + (1 + 22) + 2 + 1 = 30 = 1E; 请 8BF7 -> F7 8B, 号 53F7, 到 5230, 窗 7A97, 口 53E3
        assertWindow("02 00 03 1E 31 F7 8B 41 00 30 00 32 00 33 00 F7 53 30 52 33 00 F7 53 97 7A E3 53 1B 54 03", 3,
                CALL);
    }

    @Test
    void windowAsciiAtATwoByteAddress() {
        assertWindow("02 01 02 10 31 41 00 30 00 32 00 33 00 10 39 03", 258, "A023");
    }

    @Test
    void windowHallBoardAtAddressZero() {
        // 暂 6682 停 505C 服 670D 务 52A1
        assertWindow("02 00 00 10 31 82 66 5C 50 0D 67 A1 52 34 37 03", 0, "暂停服务");
    }

    @Test
    void windowLongestText() {
        String longest = "请A023号到12号窗口办理业务";
        assertEquals(VendorProfile.WINDOW_CRC16_ACK.maxChars(), longest.codePointCount(0, longest.length()));
        assertWindow("02 00 07 28 31 F7 8B 41 00 30 00 32 00 33 00 F7 53 30 52 31 00 32 00 F7 53 97 7A E3 53 9E 52 06 74"
                + " 1A 4E A1 52 DF 4E 03", 7, longest);
        assertThrows(IllegalArgumentException.class, () -> WINDOW.show(7, longest + "。"));
    }

    // --- the same codec reading what a window display answers

    @Test
    void windowAcknowledgementsAreFramesOfTheSameLayout() {
        byte[] ack = hex("02 00 03 08 06 77 E6 03");
        byte[] nak = hex("02 00 03 08 15 36 2B 03");
        assertArrayEquals(new byte[] {0x02}, WINDOW.header());
        assertEquals(4, WINDOW.prefixLength()); // header, address, length
        assertEquals(8, WINDOW.frameLength(Arrays.copyOf(ack, 4)));
        assertTrue(WINDOW.checkOk(ack));
        assertTrue(WINDOW.checkOk(nak));
        assertEquals(3, WINDOW.decode(ack).address());
        assertArrayEquals(new byte[] {0x06}, WINDOW.decode(ack).payload());
        assertArrayEquals(new byte[] {0x15}, WINDOW.decode(nak).payload());
        assertArrayEquals(ack, WINDOW.frame(3, new byte[] {0x06}));
        assertTrue(WINDOW.linkCodec() == WINDOW);
    }

    @Test
    void aCorruptAnswerFailsTheCheck() {
        byte[] badCrc = hex("02 00 03 08 06 77 E7 03");
        byte[] badTrailer = hex("02 00 03 08 06 77 E6 04");
        byte[] badStatus = hex("02 00 03 08 07 77 E6 03");
        assertFalse(WINDOW.checkOk(badCrc));
        assertFalse(WINDOW.checkOk(badTrailer));
        assertFalse(WINDOW.checkOk(badStatus));
        assertFalse(WINDOW.checkOk(hex("02 00 03")), "shorter than any frame");
    }

    @Test
    void anImpossibleLengthFieldIsRefused() {
        // the whole frame cannot be shorter than header, address, length, check and trailer (7)
        assertEquals(-1, WINDOW.frameLength(hex("02 00 03 06")));
        assertEquals(7, WINDOW.frameLength(hex("02 00 03 07")));
        assertEquals(WINDOW.maxFrameLength(), 1 + 2 + 1 + 1 + 16 * 4 + 2 + 1);
        // the LED board's length counts the payload: any value is possible, bounded by maxFrameLength
        assertEquals(2 + 2 + 1 + 0x11 + 1 + 1, LED.frameLength(hex("AA 55 00 11")));
    }

    @Test
    void aBareAckOrNakByteIsAOneByteFrameWithoutHeader() {
        VendorProfile bare = VendorProfile.configured("led-gbk-sum8", Map.of("ack", "byte", "ackStatus", "06",
                "nakStatus", "15"));
        var codec = new VendorFrameCodec(bare).linkCodec();
        assertArrayEquals(new byte[0], codec.header());
        assertEquals(1, codec.prefixLength());
        assertEquals(1, codec.frameLength(new byte[] {0x06}));
        assertEquals(1, codec.maxFrameLength());
        assertTrue(codec.checkOk(new byte[] {0x06}));
        assertTrue(codec.checkOk(new byte[] {0x15}));
        assertFalse(codec.checkOk(new byte[] {0x07}), "noise");
    }

    // --- a third vendor described by configuration only

    @Test
    void aThirdVendorFromOverridesAlone() {
        // 7E | len lo hi (counts address, length and payload) | addr lo hi | A1 | UTF-8 | CRC16/CCITT hi lo | 0D 0A
        VendorProfile third = VendorProfile.configured("window-crc16-ack", Map.ofEntries(Map.entry("header", "7E"),
                Map.entry("addressPosition", "after-length"), Map.entry("lengthWidth", "2"),
                Map.entry("byteOrder", "little"), Map.entry("lengthCounts", "body"), Map.entry("command", "A1"),
                Map.entry("encoding", "utf-8"), Map.entry("checksum", "crc16-ccitt"), Map.entry("checksumOrder", "big"),
                Map.entry("trailer", "0D 0A")));
        byte[] frame = new VendorFrameCodec(third).show(0x0102, "请A023").frame();
        // 请 in UTF-8 is E8 AF B7; body 0C 00 02 01 A1 E8 AF B7 41 30 32 33 (12 bytes = 0x000C)
        assertArrayEquals(hex("7E 0C 00 02 01 A1 E8 AF B7 41 30 32 33 38 D3 0D 0A"), frame);
        assertEquals(ChecksumTest.bitwiseCcitt(frame, 1, frame.length - 4), 0x38D3);
        assertTrue(new VendorFrameCodec(third).checkOk(frame));
        assertEquals(frame.length, new VendorFrameCodec(third).frameLength(Arrays.copyOf(frame, 3)));
    }

    @Test
    void xorAndNoChecksumVariants() {
        VendorProfile xor = VendorProfile.configured("led-gbk-sum8", Map.of("checksum", "xor8"));
        // 00^04^03^41^30^32^33 = 0x77
        assertArrayEquals(hex("AA 55 00 04 03 41 30 32 33 77 0D"), new VendorFrameCodec(xor).show(3, "A023").frame());
        VendorProfile none = VendorProfile.configured("led-gbk-sum8", Map.of("checksum", "none", "trailer", "none"));
        assertArrayEquals(hex("AA 55 00 04 03 41 30 32 33"), new VendorFrameCodec(none).show(3, "A023").frame());
    }

    private static void assertLed(String expected, int address, String text) {
        VendorFrameCodec.Encoded e = LED.show(address, text);
        byte[] frame = e.frame();
        assertEquals(expected, HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame));
        assertEquals(0, e.replaced());
        int sum = 0;
        for (int i = 2; i < frame.length - 2; i++) {
            sum += frame[i] & 0xFF;
        }
        assertEquals(sum & 0xFF, frame[frame.length - 2] & 0xFF, "SUM8 of length, address and text");
        assertTrue(LED.checkOk(frame));
    }

    private static void assertWindow(String expected, int address, String text) {
        byte[] frame = WINDOW.show(address, text).frame();
        assertEquals(expected, HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame));
        int crc = ChecksumTest.bitwiseModbus(frame, 1, frame.length - 3);
        assertEquals(crc & 0xFF, frame[frame.length - 3] & 0xFF, "CRC low byte first");
        assertEquals(crc >>> 8, frame[frame.length - 2] & 0xFF, "CRC high byte second");
        assertEquals(frame.length, frame[3] & 0xFF, "the length byte counts the whole frame");
        assertTrue(WINDOW.checkOk(frame));
        assertEquals(frame.length, WINDOW.frameLength(Arrays.copyOf(frame, 4)));
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
