package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where records start in a CSV or JSON-lines file, without decoding it: a record ends at a
 * line feed outside double quotes. This is safe in UTF-8 and in GBK alike, since neither uses
 * the bytes of {@code "}, CR or LF inside a multi-byte character. The file is cut into slices of
 * a given number of records that a partition can read on its own.
 */
final class RecordBoundaries {

    /**
     * A slice of the file.
     *
     * @param start     byte offset of its first record
     * @param end       byte offset after its last record
     * @param firstLine physical line number (from 1) of its first record
     * @param records   non-blank records in it
     */
    record Slice(long start, long end, long firstLine, long records) {
        String key() {
            return "b" + start + "-" + end + ":l" + firstLine;
        }

        static Slice parse(String key, long records) {
            int dash = key.indexOf('-');
            int colon = key.indexOf(":l");
            return new Slice(Long.parseLong(key.substring(1, dash)), Long.parseLong(key.substring(dash + 1, colon)),
                    Long.parseLong(key.substring(colon + 2)), records);
        }
    }

    private RecordBoundaries() {
    }

    /**
     * Cuts a file into slices of at most {@code perSlice} records.
     *
     * @param skipFirstRecord true for a CSV file: its first record is the header
     * @param quoted          true for CSV (quotes may hide line feeds), false for JSON lines
     */
    static List<Slice> slices(Path file, boolean skipFirstRecord, boolean quoted, int perSlice) throws IOException {
        List<Slice> slices = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        long offset = 0;
        long line = 1;
        boolean inQuotes = false;
        boolean blank = true; // the record so far holds only whitespace
        boolean header = skipFirstRecord;
        long sliceStart = -1;
        long sliceLine = 0;
        long sliceRecords = 0;
        long recordStart = 0;
        long recordLine = 1;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++, offset++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        line++;
                        if (inQuotes) {
                            continue;
                        }
                        // a record ended at offset (inclusive)
                        if (header) {
                            header = false;
                        } else if (!blank) {
                            if (sliceStart < 0) {
                                sliceStart = recordStart;
                                sliceLine = recordLine;
                            }
                            sliceRecords++;
                            if (sliceRecords == perSlice) {
                                slices.add(new Slice(sliceStart, offset + 1, sliceLine, sliceRecords));
                                sliceStart = -1;
                                sliceRecords = 0;
                            }
                        }
                        recordStart = offset + 1;
                        recordLine = line;
                        blank = true;
                    } else {
                        if (quoted && b == '"') {
                            inQuotes = !inQuotes;
                        }
                        if (b != '\r' && b != ' ' && b != '\t') {
                            blank = false;
                        }
                    }
                }
            }
        }
        // a last record without a line feed (or an unterminated quote: the reader reports it)
        if (!blank && !header) {
            if (sliceStart < 0) {
                sliceStart = recordStart;
                sliceLine = recordLine;
            }
            sliceRecords++;
        }
        if (sliceRecords > 0) {
            slices.add(new Slice(sliceStart, offset, sliceLine, sliceRecords));
        }
        return slices;
    }
}
