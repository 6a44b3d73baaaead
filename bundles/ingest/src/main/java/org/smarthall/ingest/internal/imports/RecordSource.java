package org.smarthall.ingest.internal.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smarthall.api.InvalidInputException;
import org.smarthall.api.ingest.ImportFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the records of one slice of an import file. */
abstract class RecordSource implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char REPLACEMENT = '\uFFFD';

    protected final DatasetSpec dataset;
    protected final Charset charset;

    private RecordSource(DatasetSpec dataset, Charset charset) {
        this.dataset = dataset;
        this.charset = charset;
    }

    /** The next record, or {@code null} after the last. */
    abstract SourceRecord next() throws IOException;

    /** Opens a slice of a file; for CSV the header is read from the start of the file first. */
    static RecordSource open(Path file, ImportFormat format, Charset charset, DatasetSpec dataset,
            RecordBoundaries.Slice slice) throws IOException {
        return format == ImportFormat.CSV
                ? new Csv(file, charset, dataset, header(file, charset, dataset), slice)
                : new JsonLines(file, dataset, slice);
    }

    /**
     * The header of a CSV file mapped onto the dataset's fields.
     *
     * @throws InvalidInputException naming unknown columns and missing required ones
     */
    static int[] header(Path file, Charset charset, DatasetSpec dataset) throws IOException {
        try (BufferedReader reader = reader(Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ)), charset)) {
            CsvReader.Raw raw = new CsvReader(reader, 1).next();
            if (raw == null) {
                throw new InvalidInputException("file", "the file is empty: a CSV import starts with a header line");
            }
            return mapHeader(raw.fields(), dataset);
        }
    }

    static int[] mapHeader(List<String> names, DatasetSpec dataset) {
        int[] columnToField = new int[names.size()];
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        boolean[] present = new boolean[dataset.fields().size()];
        for (int col = 0; col < names.size(); col++) {
            String name = names.get(col).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            int field = dataset.indexOf(name);
            if (field < 0) {
                problems.add(new InvalidInputException.Violation("header",
                        "unknown column '" + name + "' in column " + (col + 1) + "; " + dataset.name() + " has " + dataset.fieldNames()));
            } else if (present[field]) {
                problems.add(new InvalidInputException.Violation("header", "column '" + name + "' appears twice"));
            } else {
                present[field] = true;
            }
            columnToField[col] = field;
        }
        for (int i = 0; i < present.length; i++) {
            if (!present[i] && dataset.fields().get(i).required()) {
                problems.add(new InvalidInputException.Violation("header",
                        "required column '" + dataset.fields().get(i).name() + "' is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return columnToField;
    }

    private static BufferedReader reader(InputStream in, Charset charset) {
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    private static InputStream slice(Path file, RecordBoundaries.Slice slice) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(slice.start());
        return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
            private long left = slice.end() - slice.start();

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private static final class Csv extends RecordSource {
        private final BufferedReader reader;
        private final CsvReader csv;
        private final int[] columnToField;

        Csv(Path file, Charset charset, DatasetSpec dataset, int[] columnToField, RecordBoundaries.Slice slice)
                throws IOException {
            super(dataset, charset);
            this.columnToField = columnToField;
            this.reader = reader(slice(file, slice), charset);
            this.csv = new CsvReader(reader, slice.firstLine());
        }

        @Override
        SourceRecord next() throws IOException {
            CsvReader.Raw raw = csv.next();
            if (raw == null) {
                return null;
            }
            if (raw.error() != null) {
                return SourceRecord.bad(raw.line(), "row", raw.error());
            }
            if (raw.fields().size() != columnToField.length) {
                return SourceRecord.bad(raw.line(), "row",
                        "has " + raw.fields().size() + " fields, the header has " + columnToField.length);
            }
            String[] values = new String[dataset.fields().size()];
            for (int col = 0; col < columnToField.length; col++) {
                String value = raw.fields().get(col);
                if (value.indexOf(REPLACEMENT) >= 0) {
                    return SourceRecord.bad(raw.line(), dataset.fields().get(columnToField[col]).name(),
                            "is not valid " + charset.name() + " text (give the file's charset)");
                }
                values[columnToField[col]] = value;
            }
            return new SourceRecord(raw.line(), values, null, null);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class JsonLines extends RecordSource {
        private final BufferedReader reader;
        private long line;

        JsonLines(Path file, DatasetSpec dataset, RecordBoundaries.Slice slice) throws IOException {
            super(dataset, java.nio.charset.StandardCharsets.UTF_8);
            this.reader = reader(slice(file, slice), charset);
            this.line = slice.firstLine() - 1;
        }

        @Override
        SourceRecord next() throws IOException {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
                text = text.replace("\uFEFF", "");
            } while (text.isBlank());
            if (text.indexOf(REPLACEMENT) >= 0) {
                return SourceRecord.bad(line, "row", "is not valid UTF-8 text (JSON lines are UTF-8)");
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return SourceRecord.bad(line, "row", "is not JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                return SourceRecord.bad(line, "row", "is not a JSON object");
            }
            String[] values = new String[dataset.fields().size()];
            Map<String, String> unknown = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey().toLowerCase(Locale.ROOT);
                int field = dataset.indexOf(name);
                if (field < 0) {
                    unknown.put(name, name);
                    continue;
                }
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (!v.isValueNode()) {
                    return SourceRecord.bad(line, name, "must be a string or a number, not " + v.getNodeType().toString().toLowerCase(Locale.ROOT));
                }
                values[field] = v.asText();
            }
            if (!unknown.isEmpty()) {
                String name = unknown.keySet().stream().sorted().findFirst().orElseThrow();
                return SourceRecord.bad(line, name, "unknown field; " + dataset.name() + " has " + dataset.fieldNames());
            }
            return new SourceRecord(line, values, null, null);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
