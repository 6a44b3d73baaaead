package org.smarthall.ingest.internal.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.store.internal.PiiProtectorService;

/** Cutting files into slices and reading records back, byte for byte, in both encodings. */
class ReadingTest {
    @TempDir
    Path dir;
    private final DatasetSpec halls = new DatasetCatalog(new PiiProtectorService(PiiProtectorService.newKey()))
            .get("halls").orElseThrow();

    private List<String> records(Path file, Charset charset, ImportFormat format, int perSlice) throws IOException {
        List<String> all = new ArrayList<>();
        for (RecordBoundaries.Slice slice : RecordBoundaries.slices(file, format == ImportFormat.CSV, format == ImportFormat.CSV, perSlice)) {
            try (RecordSource source = RecordSource.open(file, format, charset, halls, slice)) {
                SourceRecord r;
                long inSlice = 0;
                while ((r = source.next()) != null) {
                    inSlice++;
                    all.add(r.line() + ":" + (r.error() != null ? "ERROR " + r.errorField() + " " + r.error()
                            : String.join("|", java.util.Arrays.stream(r.values()).map(String::valueOf).toList())));
                }
                assertEquals(slice.records(), inSlice, "a slice holds what the scan counted");
            }
        }
        return all;
    }

    @Test
    void quotedLineBreaksCrlfBlankLinesAndAMissingLastNewline() throws IOException {
        Path file = dir.resolve("h.csv");
        Files.writeString(file, "\uFEFFhall_id,name,region,zones\r\n"
                + "H1,\"历下\r\n营业厅\",370102,entrance\r\n"
                + "\r\n"
                + "H2,\"a \"\"b\"\", c\",370103,counter;waiting\r\n"
                + "H3,plain,370104,vip", UTF_8);
        List<String> expected = List.of("2:H1|历下\r\n营业厅|370102|entrance", "5:H2|a \"b\", c|370103|counter;waiting",
                "6:H3|plain|370104|vip");
        for (int perSlice : new int[] {1, 2, 100}) {
            assertEquals(expected, records(file, UTF_8, ImportFormat.CSV, perSlice), "slices of " + perSlice);
        }
    }

    @Test
    void gbkBytesAreCutAndDecodedWhole() throws IOException {
        Charset gbk = Charset.forName("GB18030");
        Path file = dir.resolve("gbk.csv");
        StringBuilder text = new StringBuilder("hall_id,name,region,zones\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            text.append("H").append(i).append(",\"济南,历下\n第").append(i).append("营业厅\",370102,entrance\n");
            expected.add((2 + 2 * i) + ":H" + i + "|济南,历下\n第" + i + "营业厅|370102|entrance");
        }
        Files.write(file, text.toString().getBytes(gbk));
        assertEquals(expected, records(file, gbk, ImportFormat.CSV, 7));
    }

    @Test
    void anUnclosedQuoteAndAShortRowAreReportedAtTheirLines() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "hall_id,name,region,zones\nH1,ok,370102,entrance\nH2,short\nH3,\"never closed,370102,x\n", UTF_8);
        List<String> got = records(file, UTF_8, ImportFormat.CSV, 10);
        assertEquals("2:H1|ok|370102|entrance", got.get(0));
        assertEquals("3:ERROR row has 2 fields, the header has 4", got.get(1));
        assertEquals("4:ERROR row a quoted field is not closed before the end of the file", got.get(2));
    }

    @Test
    void undecodableBytesRejectTheRowNotTheFile() throws IOException {
        Path file = dir.resolve("mixed.csv");
        byte[] gbkName = "历下".getBytes(Charset.forName("GBK"));
        byte[] head = "hall_id,name,region,zones\nH1,".getBytes(UTF_8);
        byte[] tail = ",370102,entrance\nH2,ok,370102,entrance\n".getBytes(UTF_8);
        byte[] all = new byte[head.length + gbkName.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(gbkName, 0, all, head.length, gbkName.length);
        System.arraycopy(tail, 0, all, head.length + gbkName.length, tail.length);
        Files.write(file, all);
        List<String> got = records(file, UTF_8, ImportFormat.CSV, 10);
        assertEquals("2:ERROR name is not valid UTF-8 text (give the file's charset)", got.get(0));
        assertEquals("3:H2|ok|370102|entrance", got.get(1));
    }

    @Test
    void jsonLinesCountPhysicalLines() throws IOException {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"hall_id\":\"H1\",\"name\":\"x\",\"region\":\"370102\",\"zones\":\"vip\"}\n\n"
                + "{\"hall_id\":\"H2\",\"name\":\"y\",\"region\":370103,\"zones\":\"vip\"}", UTF_8);
        assertEquals(List.of("1:H1|x|370102|vip", "3:H2|y|370103|vip"), records(file, UTF_8, ImportFormat.JSON_LINES, 1));
    }

    @Test
    void headerProblemsAreAllNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RecordSource.mapHeader(List.of("HALL_ID", "nam", "region", "region"), halls));
        assertEquals(4, e.violations().size(), e.getMessage()); // unknown nam, region twice, name missing, zones missing
    }

    @Test
    void csvReaderTreatsAnEmptyInputAsNoRecord() throws IOException {
        assertNull(new CsvReader(new StringReader("\n\r\n"), 1).next());
    }
}
