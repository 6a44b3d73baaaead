package org.smarthall.demo.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.List;

/**
 * One dataset file in the CSV of docs/formats.md: RFC 4180, header line, CRLF, missing values as
 * empty cells. A character the charset cannot encode fails the generation rather than turning
 * into a silent '?'.
 * <p>
 * Rows are built straight into one large character buffer that is encoded in blocks: a big
 * province writes hundreds of millions of cells, and a String per row would be most of the work.
 */
final class CsvFile implements Closeable {
    private static final int BLOCK = 1 << 16;

    private final Writer out;
    private final Period period;
    private final StringBuilder buffer = new StringBuilder(BLOCK + 1024);
    private char[] block = new char[BLOCK + 1024];
    private boolean firstCell = true;
    private long rows;

    CsvFile(Path path, Charset charset, List<String> header, Period period) throws IOException {
        // not a channel: an interrupt must not close the file under a half-written block
        this.out = new OutputStreamWriter(new BufferedOutputStream(new FileOutputStream(path.toFile()), BLOCK),
                charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.period = period;
        header.forEach(this::code);
        buffer.append("\r\n");
        firstCell = true;
    }

    /** Free text: quoted when it holds a comma, a quote or a line break. {@code null} is a missing value. */
    CsvFile text(String value) {
        separate();
        if (value != null) {
            if (needsQuotes(value)) {
                buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                buffer.append(value);
            }
        }
        return this;
    }

    /** A value that never needs quotes (codes, accounts, numbers as text); {@code null} is a missing value. */
    CsvFile code(String value) {
        separate();
        if (value != null) {
            buffer.append(value);
        }
        return this;
    }

    CsvFile number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    /** Yuan with two decimals, from fen. */
    CsvFile money(long fen) {
        separate();
        if (fen < 0) {
            buffer.append('-');
            fen = -fen;
        }
        buffer.append(fen / 100).append('.');
        long cents = fen % 100;
        buffer.append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
        return this;
    }

    CsvFile time(long localSeconds) {
        separate();
        period.appendTime(buffer, localSeconds);
        return this;
    }

    CsvFile date(long epochDay) {
        separate();
        period.appendDate(buffer, epochDay);
        return this;
    }

    CsvFile month(int monthIndex) {
        return code(period.monthName(monthIndex));
    }

    /** A serial number, see {@link Period#appendSerial}. */
    CsvFile serial(String prefix, long localSeconds, int index, int number) {
        separate();
        period.appendSerial(buffer, prefix, localSeconds, index, number);
        return this;
    }

    CsvFile flag(boolean value) {
        return code(value ? "Y" : "N");
    }

    /** A missing value: an empty cell, never a 0 or a guess. */
    CsvFile missing() {
        separate();
        return this;
    }

    void end() throws IOException {
        buffer.append("\r\n");
        firstCell = true;
        rows++;
        if (buffer.length() >= BLOCK) {
            flush();
        }
    }

    /** Data rows written, header not counted. */
    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private void flush() throws IOException {
        int length = buffer.length();
        if (block.length < length) {
            block = new char[length];
        }
        buffer.getChars(0, length, block, 0);
        out.write(block, 0, length);
        buffer.setLength(0);
    }

    private void separate() {
        if (!firstCell) {
            buffer.append(',');
        }
        firstCell = false;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
