package org.smarthall.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.PrintElement;
import org.smarthall.device.simulators.printer.Printed;

/**
 * The encoder's bytes read by npos, an ESC/POS parser written by others (npm {@code npos}
 * 0.1.19, through {@code src/test/npos/parse.js}): the commands must split where npos's table
 * says and the text must decode as GB18030, giving what the simulator printed in
 * {@link EscPosPrinterPtyTest}. npos knows {@code FS &} and {@code GS V} but not {@code GS ( k};
 * the script adds that one rule (the shape of npos's own {@code GS ( K}).
 *
 * <p>Needs node and {@code npm ci --omit=optional --prefix device-bundles/printer-escpos/src/test/npos}.
 * Skipped without them, unless {@code SMARTHALL_REQUIRE_NPOS=1}: then it fails.
 */
class NposCrossCheckTest {
    private static final Path SCRIPT_DIR = Path.of("src", "test", "npos");
    private static final EscPosEncoder ENCODER = new EscPosEncoder(true, EscPosEncoder.Unmappable.REPLACE,
            EscPosEncoder.Cut.PARTIAL);

    @TempDir
    Path dir;

    @BeforeAll
    static void nposInstalled() {
        String missing = null;
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("npos"))) {
            missing = "npos is not installed: npm ci --omit=optional --prefix device-bundles/printer-escpos/src/test/npos";
        } else if (!nodeRuns()) {
            missing = "node is not on the PATH";
        }
        if (missing != null) {
            if ("1".equals(System.getenv("SMARTHALL_REQUIRE_NPOS"))) {
                fail(missing + " (SMARTHALL_REQUIRE_NPOS=1)");
            }
            Assumptions.abort(missing);
        }
    }

    @Test
    void nposReadsTheQueueTicketAsTheSimulatorPrintedIt() throws Exception {
        assertEquals(lines(EscPosPrinterPtyTest.QUEUE_TICKET_ON_PAPER), npos(EscPosEncoderTest.QUEUE_TICKET));
    }

    @Test
    void nposReadsTheReceiptAsTheSimulatorPrintedIt() throws Exception {
        assertEquals(lines(EscPosPrinterPtyTest.RECEIPT_ON_PAPER), npos(EscPosEncoderTest.RECEIPT));
    }

    @Test
    void twoJobsInARowAndEverySizeAndAlignment() throws Exception {
        List<PrintElement> job = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int size = 1; size <= 8; size++) {
            PrintElement.Align align = PrintElement.Align.values()[size % 3];
            job.add(new PrintElement.Text("第" + size + "号", size, size % 2 == 0, align));
            expected.add("line|" + size + "x" + size + "|" + (size % 2 == 0 ? "bold" : "normal") + "|"
                    + align.name().toLowerCase(Locale.ROOT) + "|第" + size + "号");
        }
        job.add(new PrintElement.Cut());
        expected.add("cut|partial");
        List<String> twice = new ArrayList<>(expected);
        twice.addAll(expected);
        byte[] one = ENCODER.encode(job).bytes();
        byte[] both = new byte[one.length * 2];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(one, 0, both, one.length, one.length);
        assertEquals(twice, npos(both));
    }

    /** What the simulator printed, in the script's line format. */
    private static List<String> lines(List<Printed> printed) {
        List<String> lines = new ArrayList<>();
        for (Printed p : printed) {
            if (p instanceof Printed.Line l) {
                lines.add("line|" + l.width() + "x" + l.height() + "|" + (l.bold() ? "bold" : "normal") + "|"
                        + l.align().name().toLowerCase(Locale.ROOT) + "|" + l.text());
            } else if (p instanceof Printed.Qr q) {
                lines.add("qr|" + q.model() + "|" + q.moduleSize() + "|" + q.errorLevel() + "|" + q.content());
            } else if (p instanceof Printed.Feed f) {
                lines.add("feed|" + f.lines());
            } else if (p instanceof Printed.Cut c) {
                lines.add("cut|" + (c.partial() ? "partial" : "full"));
            }
        }
        return lines;
    }

    private List<String> npos(List<PrintElement> elements) throws Exception {
        return npos(ENCODER.encode(elements).bytes());
    }

    private List<String> npos(byte[] bytes) throws IOException, InterruptedException, DeviceException {
        Path job = dir.resolve("job.bin");
        Files.write(job, bytes);
        Process node = new ProcessBuilder("node", "parse.js", job.toAbsolutePath().toString())
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("parse.js did not finish in 30 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), text);
        return text.lines().toList();
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
