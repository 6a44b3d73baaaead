package org.smarthall.demo.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read back as RFC 4180 says (quoted fields with commas, doubled quotes and line
 * breaks), independent of how the generator writes it.
 */
final class CsvTable {
    final List<String> header;
    final List<String[]> rows;
    private final Map<String, Integer> columns = new HashMap<>();

    private CsvTable(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
    }

    static CsvTable read(Path file, Charset charset) throws IOException {
        List<String[]> records = parse(Files.readString(file, charset));
        if (records.isEmpty()) {
            throw new IOException(file + " has no header");
        }
        return new CsvTable(List.of(records.get(0)), records.subList(1, records.size()));
    }

    static List<String[]> parse(String text) throws IOException {
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            // one record
            while (true) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new IOException("unterminated quoted field in record " + (records.size() + 1));
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            field.append(c);
                        }
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        field.append(text.charAt(i++));
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n && text.charAt(i) == '\r') {
                    i++;
                }
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                } else if (i < n) {
                    throw new IOException("unexpected character after a quoted field in record " + (records.size() + 1));
                }
                break;
            }
            records.add(fields.toArray(String[]::new));
            fields.clear();
        }
        return records;
    }

    int column(String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return i;
    }

    /** The values of one column, row by row. */
    List<String> values(String name) {
        int i = column(name);
        return rows.stream().map(row -> row[i]).toList();
    }
}
