package org.smarthall.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.PrintElement;
import org.smarthall.device.api.PrintElement.Align;
import org.smarthall.device.api.PrintElement.Cut;
import org.smarthall.device.api.PrintElement.Feed;
import org.smarthall.device.api.PrintElement.QrCode;
import org.smarthall.device.api.PrintElement.Text;

/**
 * Golden bytes, written out by hand from the ESC/POS command reference and the GBK table (not
 * copied from the encoder's output): each element alone, then a whole queue ticket.
 */
class EscPosEncoderTest {
    /** {@code ESC @ FS &}: every job in Chinese mode starts so. */
    private static final String START = "1B 40 1C 26";
    private static final EscPosEncoder CHINESE = new EscPosEncoder(true, EscPosEncoder.Unmappable.REPLACE,
            EscPosEncoder.Cut.PARTIAL);

    /** A queue ticket as the queue cabin would lay it out. */
    static final List<PrintElement> QUEUE_TICKET = List.of(
            new Text("国网XX供电公司营业厅", 1, true, Align.CENTER),
            new Text("A023", 4, true, Align.CENTER),
            new Text("前面还有 5 人", 1, false, Align.CENTER),
            new QrCode("https://hall.example.cn/q/A023", 6),
            new Feed(3),
            new Cut());

    /** An invoice-like receipt: an account number, amounts with the full-width yuan sign, right-aligned total. */
    static final List<PrintElement> RECEIPT = List.of(
            new Text("国网XX供电公司营业厅", 1, true, Align.CENTER),
            new Text("交费凭证", 2, true, Align.CENTER),
            Text.plain("户号: 3701000123"),
            Text.plain("电费 2024-05    ￥128.50"),
            new Text("合计: ￥128.50", 1, true, Align.RIGHT),
            new QrCode("https://hall.example.cn/r/20240517-0001", 4),
            new Feed(2),
            new Cut());

    @Test
    void aQueueTicketIsTheseBytes() throws DeviceException {
        String expected = START
                // ESC a 1 (centre), GS ! 00 (1x1), ESC E 1 (bold), 国网XX供电公司营业厅 in GBK, LF
                + " 1B 61 01 1D 21 00 1B 45 01 B9 FA CD F8 58 58 B9 A9 B5 E7 B9 AB CB BE D3 AA D2 B5 CC FC 0A"
                // centre, GS ! 33 (4x4), bold, A023, LF
                + " 1B 61 01 1D 21 33 1B 45 01 41 30 32 33 0A"
                // centre, 1x1, ESC E 0, 前面还有 5 人, LF
                + " 1B 61 01 1D 21 00 1B 45 00 C7 B0 C3 E6 BB B9 D3 D0 20 35 20 C8 CB 0A"
                // QR centred: model 2, module 6, level M (49), store 30 + 3 = 0x21 bytes, print
                + " 1B 61 01"
                + " 1D 28 6B 04 00 31 41 32 00"
                + " 1D 28 6B 03 00 31 43 06"
                + " 1D 28 6B 03 00 31 45 31"
                + " 1D 28 6B 21 00 31 50 30"
                + " 68 74 74 70 73 3A 2F 2F 68 61 6C 6C 2E 65 78 61 6D 70 6C 65 2E 63 6E 2F 71 2F 41 30 32 33"
                + " 1D 28 6B 03 00 31 51 30"
                // ESC d 3, GS V 66 0
                + " 1B 64 03 1D 56 42 00";
        assertBytes(expected, CHINESE.encode(QUEUE_TICKET).bytes());
    }

    @Test
    void textSetsAlignmentSizeAndWeightOnEveryLine() throws DeviceException {
        assertBytes(START + " 1B 61 00 1D 21 00 1B 45 00 41 0A", CHINESE.encode(List.of(Text.plain("A"))).bytes());
        assertBytes(START + " 1B 61 02 1D 21 11 1B 45 01 BA CF BC C6 0A",
                CHINESE.encode(List.of(new Text("合计", 2, true, Align.RIGHT))).bytes());
        assertBytes(START + " 1B 61 01 1D 21 77 1B 45 00 BA C5 0A",
                CHINESE.encode(List.of(new Text("号", 8, false, Align.CENTER))).bytes());
        // the full-width yuan sign is in GBK (A3 A4)
        assertBytes(START + " 1B 61 00 1D 21 00 1B 45 00 A3 A4 31 0A",
                CHINESE.encode(List.of(Text.plain("￥1"))).bytes());
        // an empty text is an empty line
        assertBytes(START + " 1B 61 00 1D 21 00 1B 45 00 0A", CHINESE.encode(List.of(Text.plain(""))).bytes());
    }

    @Test
    void aNewlineStartsALineInTheSameStyle() throws DeviceException {
        assertBytes(START + " 1B 61 01 1D 21 11 1B 45 01 41 0A 1B 61 01 1D 21 11 1B 45 01 42 0A",
                CHINESE.encode(List.of(new Text("A\nB", 2, true, Align.CENTER))).bytes());
    }

    @Test
    void qrFeedAndBothCuts() throws DeviceException {
        assertBytes(START + " 1B 61 01 1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 01 1D 28 6B 03 00 31 45 31"
                + " 1D 28 6B 05 00 31 50 30 41 42 1D 28 6B 03 00 31 51 30",
                CHINESE.encode(List.of(new QrCode("AB", 1))).bytes());
        // non-ASCII content goes as UTF-8: 号 is E5 8F B7
        assertBytes(START + " 1B 61 01 1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 10 1D 28 6B 03 00 31 45 31"
                + " 1D 28 6B 06 00 31 50 30 E5 8F B7 1D 28 6B 03 00 31 51 30",
                CHINESE.encode(List.of(new QrCode("号", 16))).bytes());
        assertBytes(START + " 1B 64 00 1B 64 FF", CHINESE.encode(List.of(new Feed(0), new Feed(255))).bytes());
        assertBytes(START + " 1D 56 42 00", CHINESE.encode(List.of(new Cut())).bytes());
        assertBytes(START + " 1D 56 41 00", new EscPosEncoder(true, EscPosEncoder.Unmappable.REPLACE,
                EscPosEncoder.Cut.FULL).encode(List.of(new Cut())).bytes());
    }

    @Test
    void aLongQrContentCarriesItsLengthInTwoBytes() throws DeviceException {
        String content = "x".repeat(EscPosEncoder.QR_MAX_BYTES);
        byte[] b = CHINESE.encode(List.of(new QrCode(content, 3))).bytes();
        int store = 4 + 3 + 9 + 8 + 8; // start, ESC a 1, model, size, level
        // 2331 + 3 = 2334 = 0x091E: pL 1E, pH 09
        assertBytes("1D 28 6B 1E 09 31 50 30 78", java.util.Arrays.copyOfRange(b, store, store + 9));
        assertEquals(store + 8 + EscPosEncoder.QR_MAX_BYTES + 8, b.length);
    }

    @Test
    void charactersGbkHasNotArePrintedAsQuestionMarksAndCounted() throws DeviceException {
        // U+1F600 (a surrogate pair) and U+00A5 (the half-width yen sign) are not in GBK
        EscPosEncoder.Job job = CHINESE.encode(List.of(Text.plain("张\uD83D\uDE00¥")));
        assertBytes(START + " 1B 61 00 1D 21 00 1B 45 00 D5 C5 3F 3F 0A", job.bytes());
        assertEquals(2, job.replaced());
        assertEquals(0, CHINESE.encode(QUEUE_TICKET).replaced());
    }

    @Test
    void charactersGbkHasNotRefuseTheJobWhenSoConfigured() {
        EscPosEncoder refusing = new EscPosEncoder(true, EscPosEncoder.Unmappable.REFUSE, EscPosEncoder.Cut.PARTIAL);
        List<PrintElement> job = new ArrayList<>(QUEUE_TICKET);
        job.add(1, Text.plain("第一行\n张\uD83D\uDE00"));
        DeviceException e = assertThrows(DeviceException.class, () -> refusing.encode(job));
        assertEquals("cannot print element 2 of 7 (text): line 2 has U+1F600 at 2, which GBK cannot print"
                + " (unmappable = refuse)", e.getMessage());
    }

    @Test
    void withoutChineseModeOnlyAsciiIsPrinted() throws DeviceException {
        EscPosEncoder ascii = new EscPosEncoder(false, EscPosEncoder.Unmappable.REPLACE, EscPosEncoder.Cut.PARTIAL);
        EscPosEncoder.Job job = ascii.encode(List.of(Text.plain("No.A023 号")));
        // FS . (1C 2E) instead of FS &; the Chinese character becomes ?
        assertBytes("1B 40 1C 2E 1B 61 00 1D 21 00 1B 45 00 4E 6F 2E 41 30 32 33 20 3F 0A", job.bytes());
        assertEquals(1, job.replaced());
        EscPosEncoder refusing = new EscPosEncoder(false, EscPosEncoder.Unmappable.REFUSE, EscPosEncoder.Cut.PARTIAL);
        DeviceException e = assertThrows(DeviceException.class, () -> refusing.encode(List.of(Text.plain("A号"))));
        assertEquals("cannot print element 1 of 1 (text): line 1 has U+53F7 at 2, which ASCII mode cannot print"
                + " (unmappable = refuse)", e.getMessage());
    }

    @Test
    void controlCharactersInTextAreRefusedForTheyWouldBeCommands() {
        // ESC d inside a text would feed paper; a CR or a tab is refused as well
        for (String text : List.of("A\u001Bd\u0005", "A\rB", "A\tB", "A\u007FB", "A\u0085B")) {
            DeviceException e = assertThrows(DeviceException.class,
                    () -> CHINESE.encode(List.of(Text.plain(text))), text);
            assertEquals(true, e.getMessage().startsWith("cannot print element 1 of 1 (text): line 1 has the control"
                    + " character U+00"), e.getMessage());
        }
    }

    @Test
    void elementsThatCannotBePrintedAreRefusedNamingThem() {
        assertRefused("cannot print element 1 of 1 (qrcode): the QR module size is 1 to 16 dots, not 0",
                new QrCode("x", 0));
        assertRefused("cannot print element 1 of 1 (qrcode): the QR module size is 1 to 16 dots, not 17",
                new QrCode("x", 17));
        assertRefused("cannot print element 1 of 1 (qrcode): a QR code needs content", new QrCode("", 4));
        assertRefused("cannot print element 1 of 1 (qrcode): a QR code needs content", new QrCode(null, 4));
        assertRefused("cannot print element 1 of 1 (qrcode): the QR content is 2332 bytes; at most 2331 fit a QR"
                + " code at error level M", new QrCode("x".repeat(2332), 4));
        assertRefused("cannot print element 1 of 1 (feed): a feed is 0 to 255 lines, not 256", new Feed(256));
        assertRefused("cannot print element 1 of 1 (feed): a feed is 0 to 255 lines, not -1", new Feed(-1));
        assertRefused("cannot print element 1 of 1 (text): the text is null", new Text(null, 1, false, Align.LEFT));
        assertRefused("cannot print element 1 of 1 (text): the alignment is null", new Text("A", 1, false, null));
        List<PrintElement> withNull = new ArrayList<>();
        withNull.add(new Cut());
        withNull.add(null);
        DeviceException e = assertThrows(DeviceException.class, () -> CHINESE.encode(withNull));
        assertEquals("cannot print element 2 of 2 (null): it is null", e.getMessage());
        assertEquals("nothing to print: no elements",
                assertThrows(DeviceException.class, () -> CHINESE.encode(List.of())).getMessage());
    }

    private static void assertRefused(String message, PrintElement element) {
        DeviceException e = assertThrows(DeviceException.class, () -> CHINESE.encode(List.of(element)));
        assertEquals(message, e.getMessage());
    }

    static void assertBytes(String hex, byte[] actual) {
        byte[] expected = HexFormat.ofDelimiter(" ").parseHex(hex);
        assertArrayEquals(expected, actual, () -> "expected " + hex + "\n but was "
                + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(actual));
    }
}
