package org.smarthall.device.simulators.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.device.api.PrintElement.Align;
import org.smarthall.device.simulators.internal.Simulations;

/**
 * The simulator's reading of ESC/POS, fed by hand-written bytes in every kind of split (no
 * port: the stream goes straight to {@code received}, as the reader thread would hand it).
 */
class EscPosPrinterSimulatorTest {
    /** ESC @, FS &, centred double-size bold 号, GS ! back, ESC a 0, "A1" LF, QR "AB", ESC d 2, GS V 1. */
    private static final String JOB = "1B 40 1C 26 1B 61 01 1D 21 11 1B 45 01 BA C5 0A 1D 21 00 1B 45 00 1B 61 00 41 31"
            + " 0A 1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 05 1D 28 6B 03 00 31 45 33 1D 28 6B 05 00 31 50 30"
            + " 41 42 1D 28 6B 03 00 31 51 30 1B 64 02 1D 56 01";
    private static final List<Printed> ON_PAPER = List.of(
            new Printed.Line("号", 2, 2, true, Align.CENTER),
            new Printed.Line("A1", 1, 1, false, Align.LEFT),
            new Printed.Qr("AB", 2, 5, 'H', Align.LEFT),
            new Printed.Feed(2),
            new Printed.Cut(true));

    @TempDir
    Path dir;

    @Test
    void aJobReadsTheSameWhateverTheSplits() {
        byte[] job = HexFormat.ofDelimiter(" ").parseHex(JOB);
        Random random = new Random(80);
        for (int round = 0; round < 100; round++) {
            EscPosPrinterSimulator printer = new EscPosPrinterSimulator(dir.resolve("none"));
            feedInPieces(printer, job, random);
            assertEquals(ON_PAPER, printer.printed(), "round " + round);
            assertEquals(0, printer.unknownBytes());
        }
    }

    @Test
    void withoutFsAmpersandChineseBytesAreNoText() {
        EscPosPrinterSimulator printer = new EscPosPrinterSimulator(dir.resolve("none"));
        feed(printer, "1B 40 BA C5 0A 1C 26 BA C5 0A 1C 2E BA C5 0A");
        assertEquals(List.of("\uFFFD\uFFFD", "号", "\uFFFD\uFFFD"),
                printer.printed().stream().map(p -> ((Printed.Line) p).text()).toList());
    }

    @Test
    void ticketsSplitAtCutsAndUnknownCommandsAreCounted() {
        EscPosPrinterSimulator printer = new EscPosPrinterSimulator(dir.resolve("none"));
        // ESC t (no command this printer knows), a full cut GS V 65 0, a second ticket not cut yet
        feed(printer, "1B 40 41 0A 1B 74 1D 56 41 00 42 0A");
        assertEquals(2, printer.unknownBytes());
        assertEquals(List.of(List.of(new Printed.Line("A", 1, 1, false, Align.LEFT), new Printed.Cut(false)),
                List.of(new Printed.Line("B", 1, 1, false, Align.LEFT))), printer.tickets());
        assertEquals(List.of("B"), printer.lastTicketText());
        // a status query counts even when nobody is there to hear the answer
        feed(printer, "10 04 01");
        assertEquals(1, printer.statusQueries());
    }

    @Test
    void hallSimulateStartsAPrinter() throws Exception {
        Simulations simulations = new Simulations();
        try {
            Simulations.Running r = simulations.start("printer1", "printer", dir.resolve("printer1"));
            assertTrue(r.device() instanceof EscPosPrinterSimulator);
        } finally {
            simulations.stop("printer1");
        }
    }

    private static void feed(EscPosPrinterSimulator printer, String hex) {
        byte[] b = HexFormat.ofDelimiter(" ").parseHex(hex);
        assertEquals(b.length, printer.received(b, b.length));
    }

    /** As the reader thread does: keep what was not used, add the next piece. */
    private static void feedInPieces(EscPosPrinterSimulator printer, byte[] job, Random random) {
        byte[] buffer = new byte[job.length];
        int length = 0;
        int i = 0;
        while (i < job.length) {
            int n = 1 + random.nextInt(Math.min(7, job.length - i));
            System.arraycopy(job, i, buffer, length, n);
            length += n;
            i += n;
            int used = printer.received(Arrays.copyOf(buffer, length), length);
            System.arraycopy(buffer, used, buffer, 0, length - used);
            length -= used;
        }
        assertEquals(0, length);
    }
}
