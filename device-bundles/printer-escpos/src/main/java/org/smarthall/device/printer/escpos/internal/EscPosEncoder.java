package org.smarthall.device.printer.escpos.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.PrintElement;

/**
 * Print elements to ESC/POS bytes. Pure: no I/O, no state between jobs; one job is
 * <pre>
 * ESC @                      1B 40        initialise (sizes, bold, alignment back to normal)
 * FS &amp;  (or FS . )          1C 26        Chinese (two-byte GBK) mode for the whole job; 1C 2E: single-byte only
 * then per element:
 *   text, per line:  ESC a n  GS ! n  ESC E n  bytes  LF
 *   QR code:         ESC a 1, GS ( k fn 65 (model 2), fn 67 (module size), fn 69 (level M),
 *                    fn 80 (store, UTF-8 content), fn 81 (print)
 *   feed:            ESC d n
 *   cut:             GS V 66 0 (feed to the cutter, partial cut) or GS V 65 0 (full cut)
 * </pre>
 * Every text line sets its alignment, size and weight again, so a line prints the same whatever
 * came before it. {@code FS &} is sent once a job, right after {@code ESC @}: in Chinese mode
 * bytes below 0x80 still print as ASCII on these printers, so switching per line would buy
 * nothing. Bytes of a control character never reach the printer from a text (they would be
 * commands): a text with one is refused; {@code \n} starts a new line in the same style.
 */
final class EscPosEncoder {
    static final int ESC = 0x1B;
    static final int FS = 0x1C;
    static final int GS = 0x1D;
    static final int LF = 0x0A;
    /** Bytes of content a model 2 QR code holds at error level M in byte mode (version 40). */
    static final int QR_MAX_BYTES = 2331;

    /** What becomes of a character the printer's code page has not. */
    enum Unmappable {
        /** Printed as {@code ?}; the count is reported so the driver can warn. */
        REPLACE,
        /** The whole job is refused, nothing is printed. */
        REFUSE
    }

    enum Cut {
        /** {@code GS V 66 0}: feeds to the cutter, leaves a hinge so the ticket hangs until taken. */
        PARTIAL(66),
        /** {@code GS V 65 0}: feeds to the cutter, cuts through. */
        FULL(65);

        final int m;

        Cut(int m) {
            this.m = m;
        }
    }

    /** The bytes of a job and how many characters were printed as {@code ?}. */
    record Job(byte[] bytes, int replaced) {
    }

    private static final Charset GBK = Charset.forName("GBK");

    private final boolean chinese;
    private final Unmappable unmappable;
    private final Cut cut;

    /**
     * @param chinese text in GBK after {@code FS &}; otherwise printable ASCII only after {@code FS .}
     */
    EscPosEncoder(boolean chinese, Unmappable unmappable, Cut cut) {
        this.chinese = chinese;
        this.unmappable = unmappable;
        this.cut = cut;
    }

    /** @throws DeviceException naming the element when one cannot be printed; nothing is encoded then */
    Job encode(List<PrintElement> elements) throws DeviceException {
        if (elements == null || elements.isEmpty()) {
            throw new DeviceException("nothing to print: no elements");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 48 * elements.size());
        out.write(ESC);
        out.write('@');
        out.write(FS);
        out.write(chinese ? '&' : '.');
        int replaced = 0;
        for (int i = 0; i < elements.size(); i++) {
            PrintElement e = elements.get(i);
            try {
                if (e == null) {
                    throw new IllegalArgumentException("it is null");
                } else if (e instanceof PrintElement.Text t) {
                    replaced += text(out, t);
                } else if (e instanceof PrintElement.QrCode q) {
                    qr(out, q);
                } else if (e instanceof PrintElement.Feed f) {
                    if (f.lines() < 0 || f.lines() > 255) {
                        throw new IllegalArgumentException("a feed is 0 to 255 lines, not " + f.lines());
                    }
                    out.write(ESC);
                    out.write('d');
                    out.write(f.lines());
                } else if (e instanceof PrintElement.Cut) {
                    out.write(GS);
                    out.write('V');
                    out.write(cut.m);
                    out.write(0);
                } else {
                    throw new IllegalArgumentException("this driver does not know the element");
                }
            } catch (IllegalArgumentException x) {
                throw new DeviceException("cannot print element " + (i + 1) + " of " + elements.size() + " ("
                        + kind(e) + "): " + x.getMessage());
            }
        }
        return new Job(out.toByteArray(), replaced);
    }

    private int text(ByteArrayOutputStream out, PrintElement.Text t) {
        if (t.text() == null) {
            throw new IllegalArgumentException("the text is null");
        }
        if (t.align() == null) {
            throw new IllegalArgumentException("the alignment is null");
        }
        int replaced = 0;
        String[] lines = t.text().split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            out.write(ESC);
            out.write('a');
            out.write(switch (t.align()) {
                case LEFT -> 0;
                case CENTER -> 1;
                case RIGHT -> 2;
            });
            out.write(GS);
            out.write('!');
            out.write((t.size() - 1) << 4 | (t.size() - 1)); // width in the high nibble, height in the low
            out.write(ESC);
            out.write('E');
            out.write(t.bold() ? 1 : 0);
            replaced += line(out, lines[l], l + 1);
            out.write(LF);
        }
        return replaced;
    }

    /** One line's characters in the job's code page; returns how many were replaced. */
    private int line(ByteArrayOutputStream out, String line, int lineNumber) {
        CharsetEncoder gbk = GBK.newEncoder();
        int replaced = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
                throw new IllegalArgumentException(String.format(
                        "line %d has the control character U+%04X at %d; only \\n may separate lines", lineNumber, cp,
                        i + 1));
            }
            byte[] bytes = encodable(gbk, cp);
            if (bytes == null) {
                if (unmappable == Unmappable.REFUSE) {
                    throw new IllegalArgumentException(String.format("line %d has U+%04X at %d, which %s cannot print"
                            + " (unmappable = refuse)", lineNumber, cp, i + 1, chinese ? "GBK" : "ASCII mode"));
                }
                out.write('?');
                replaced++;
            } else {
                out.writeBytes(bytes);
            }
            i += Character.charCount(cp);
        }
        return replaced;
    }

    /** The bytes of one character, or null when the printer has no glyph for it. */
    private byte[] encodable(CharsetEncoder gbk, int cp) {
        if (cp < 0x80) {
            return new byte[] {(byte) cp};
        }
        if (!chinese) {
            return null;
        }
        String s = new String(Character.toChars(cp));
        if (!gbk.canEncode(s)) {
            return null;
        }
        byte[] b = s.getBytes(GBK);
        // a GBK character is two bytes with a lead byte 81..FE; anything else would desynchronise the printer
        return b.length == 2 && (b[0] & 0xFF) >= 0x81 && (b[0] & 0xFF) <= 0xFE ? b : null;
    }

    private static void qr(ByteArrayOutputStream out, PrintElement.QrCode q) {
        if (q.content() == null || q.content().isEmpty()) {
            throw new IllegalArgumentException("a QR code needs content");
        }
        if (q.moduleSize() < 1 || q.moduleSize() > 16) {
            throw new IllegalArgumentException("the QR module size is 1 to 16 dots, not " + q.moduleSize());
        }
        byte[] data = q.content().getBytes(StandardCharsets.UTF_8);
        if (data.length > QR_MAX_BYTES) {
            throw new IllegalArgumentException("the QR content is " + data.length + " bytes; at most " + QR_MAX_BYTES
                    + " fit a QR code at error level M");
        }
        out.write(ESC);
        out.write('a');
        out.write(1);
        qrFunction(out, 65, 50, 0); // model 2
        qrFunction(out, 67, q.moduleSize());
        qrFunction(out, 69, 49); // error correction M (15 %): survives a smudge, keeps the symbol small
        int stored = data.length + 3;
        out.write(GS);
        out.write('(');
        out.write('k');
        out.write(stored & 0xFF);
        out.write(stored >> 8);
        out.write(49);
        out.write(80);
        out.write(48);
        out.writeBytes(data);
        qrFunction(out, 81, 48); // print what was stored
    }

    /** {@code GS ( k pL pH 49 fn params}: pL pH count cn, fn and the parameters. */
    private static void qrFunction(ByteArrayOutputStream out, int fn, int... params) {
        out.write(GS);
        out.write('(');
        out.write('k');
        out.write(params.length + 2);
        out.write(0);
        out.write(49);
        out.write(fn);
        for (int p : params) {
            out.write(p);
        }
    }

    private static String kind(PrintElement e) {
        return e == null ? "null" : e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
