package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader: fields separated by commas, quoted fields may hold commas,
 * quotes ({@code ""}) and line breaks; CRLF or LF line ends. Counts physical lines so a record is
 * reported at the line it starts on. Blank lines are skipped.
 */
final class CsvReader {
    private final Reader in;
    private long line;
    private int pushedBack = -2;

    /** @param firstLine physical line number of the first character the reader gives */
    CsvReader(Reader in, long firstLine) {
        this.in = in;
        this.line = firstLine;
    }

    /**
     * One record as read.
     *
     * @param error why the record could not be read (an unterminated quote), or {@code null}
     */
    record Raw(long line, List<String> fields, String error) {
    }

    /** The next record, or {@code null} at the end. */
    Raw next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            long start = line;
            Raw raw = record(start);
            if (raw.error() != null || !(raw.fields().size() == 1 && raw.fields().get(0).isBlank())) {
                return raw;
            }
        }
    }

    private Raw record(long start) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    return new Raw(start, fields, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(next);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c == '\n') {
                    line++;
                }
                return new Raw(start, fields, null);
            } else if (c == '\r') {
                int next = read();
                if (next != '\n') {
                    unread(next);
                    field.append('\r');
                } else {
                    unread(next);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
