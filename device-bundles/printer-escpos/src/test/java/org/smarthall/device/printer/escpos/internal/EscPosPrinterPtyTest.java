package org.smarthall.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.PrintElement;
import org.smarthall.device.api.PrintElement.Align;
import org.smarthall.device.api.PrinterStatus;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.internal.JSerialCommPorts;
import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.printer.EscPosPrinterSimulator;
import org.smarthall.device.simulators.printer.Printed;

/** The driver over a real socat pty pair against a simulated ESC/POS printer that parses what it gets. */
class EscPosPrinterPtyTest {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(300);
    static final List<Printed> QUEUE_TICKET_ON_PAPER = List.of(
            new Printed.Line("国网XX供电公司营业厅", 1, 1, true, Align.CENTER),
            new Printed.Line("A023", 4, 4, true, Align.CENTER),
            new Printed.Line("前面还有 5 人", 1, 1, false, Align.CENTER),
            new Printed.Qr("https://hall.example.cn/q/A023", 2, 6, 'M', Align.CENTER),
            new Printed.Feed(3),
            new Printed.Cut(true));
    static final List<Printed> RECEIPT_ON_PAPER = List.of(
            new Printed.Line("国网XX供电公司营业厅", 1, 1, true, Align.CENTER),
            new Printed.Line("交费凭证", 2, 2, true, Align.CENTER),
            new Printed.Line("户号: 3701000123", 1, 1, false, Align.LEFT),
            new Printed.Line("电费 2024-05    ￥128.50", 1, 1, false, Align.LEFT),
            new Printed.Line("合计: ￥128.50", 1, 1, true, Align.RIGHT),
            new Printed.Qr("https://hall.example.cn/r/20240517-0001", 2, 4, 'M', Align.CENTER),
            new Printed.Feed(2),
            new Printed.Cut(true));

    @TempDir
    Path dir;
    private PtyRig rig;
    private EscPosPrinterSimulator printer;
    private EscPosPrinter driver;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void plugIn() throws IOException {
        rig = PtyRig.start(dir);
        printer = new EscPosPrinterSimulator(rig.deviceEnd());
        printer.start();
        driver = driver(true);
    }

    private EscPosPrinter driver(boolean checkStatus) {
        LinkSettings link = new LinkSettings(rig.hostEnd().toString(), 9_600, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        EscPosPrinter d = new EscPosPrinter(new JSerialCommPorts(), events::add, new EscPosPrinterSettings(
                "hall1-printer", "hall1", link, STATUS_TIMEOUT, checkStatus, true, EscPosEncoder.Unmappable.REPLACE,
                EscPosEncoder.Cut.PARTIAL));
        await("connected", () -> d.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(3));
        return d;
    }

    @AfterEach
    void unplug() {
        driver.stop();
        printer.close();
        rig.close();
    }

    @Test
    void aChineseQueueTicketComesOutAsLaidOut() throws DeviceException {
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
        assertEquals(4, printer.statusQueries(), "DLE EOT 1 to 4 before the print");
        assertEquals(0, printer.unknownBytes());
        assertEquals(4, driver.info().framesGood());
        assertEquals(0, driver.info().framesBad());
        assertEquals(1, driver.jobsPrinted());
        assertEquals("ticket-printer", driver.info().kind());
    }

    @Test
    void anInvoiceLikeReceiptComesOutAsLaidOut() throws DeviceException {
        driver.print(EscPosEncoderTest.RECEIPT);
        assertEquals(RECEIPT_ON_PAPER, cutTicket(1));
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(2));
    }

    @Test
    void withThePaperOutThePrintIsRefusedNamingTheCauseAndNothingIsSent() throws DeviceException {
        printer.paperOut(true);
        DeviceException e = assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.QUEUE_TICKET));
        assertEquals("hall1-printer cannot print: paper out", e.getMessage());
        assertEquals(new PrinterStatus(false, true, true, false), driver.status());
        assertEquals(1, driver.jobsRefused());

        printer.paperOut(false);
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
        assertEquals(1, printer.tickets().size(), "the refused ticket never reached the printer");
    }

    @Test
    void withTheCoverOpenThePrintIsRefused() throws DeviceException {
        printer.coverOpen(true);
        DeviceException e = assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.QUEUE_TICKET));
        assertEquals("hall1-printer cannot print: cover open", e.getMessage());
        assertEquals(new PrinterStatus(false, false, false, true), driver.status());
        printer.coverOpen(false);
        printer.cutterError(true);
        e = assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.QUEUE_TICKET));
        assertEquals("hall1-printer cannot print: cutter error", e.getMessage());
        printer.cutterError(false);
        printer.offline(true);
        e = assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.QUEUE_TICKET));
        assertEquals("hall1-printer cannot print: offline", e.getMessage());
        assertEquals(List.of(), printer.printed());
    }

    @Test
    void paperNearItsEndStillPrints() throws DeviceException {
        printer.paperNearEnd(true);
        assertEquals(new PrinterStatus(true, false, true, false), driver.status());
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
    }

    @Test
    void withoutTheStatusCheckItPrintsWithoutAsking() throws DeviceException {
        driver.stop();
        driver = driver(false);
        printer.paperOut(true); // a printer would keep the job in its buffer until paper comes
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
        assertEquals(0, printer.statusQueries());
    }

    @Test
    void aPrinterThatDoesNotAnswerTimesOutWithAClearMessage() {
        printer.mute(true);
        long start = System.nanoTime();
        DeviceException e = assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.QUEUE_TICKET));
        long took = System.nanoTime() - start;
        assertEquals("hall1-printer: no answer to DLE EOT 1 (printer status) within 300 ms on " + rig.hostEnd()
                + "; is it an ESC/POS printer, on at 9600 baud?", e.getMessage());
        assertTrue(took >= STATUS_TIMEOUT.toNanos() && took < Duration.ofSeconds(2).toNanos(), took + " ns");
        assertThrows(DeviceException.class, driver::status);
        assertEquals(List.of(), printer.printed());
    }

    @Test
    void aStrayByteBeforeAnAnswerIsCountedBadAndSkipped() throws DeviceException {
        printer.noiseBeforeNextAnswer(0x48); // no fixed bits
        printer.paperNearEnd(true);
        assertEquals(new PrinterStatus(true, false, true, false), driver.status());
        assertEquals(1, driver.info().framesBad());
        assertEquals(4, driver.info().framesGood());
    }

    @Test
    void aSpoiltAnswerIsCountedBadAndCostsTheQueryNotTheDriver() throws DeviceException {
        printer.inject(Fault.BAD_CHECKSUM); // the answer to DLE EOT 1 loses its fixed bits
        DeviceException e = assertThrows(DeviceException.class, driver::status);
        assertTrue(e.getMessage().startsWith("hall1-printer: no answer to DLE EOT 1 (printer status)"), e.getMessage());
        assertEquals(1, driver.info().framesBad());
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
    }

    @Test
    void afterAnUnplugThePrinterIsBackWithinTwoSecondsOfTheReplugAndPrints() throws IOException, DeviceException {
        rig.unplug();
        await("reconnecting", () -> driver.info().state() == DeviceState.RECONNECTING, Duration.ofSeconds(3));
        DeviceException e = assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.QUEUE_TICKET));
        assertEquals("hall1-printer is not connected on " + rig.hostEnd() + " (RECONNECTING)", e.getMessage());
        long away = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        await("away long enough for the backoff to reach its cap", () -> System.nanoTime() > away,
                Duration.ofSeconds(3));
        rig.replug();
        long replugged = System.nanoTime();
        await("connected again", () -> driver.info().state() == DeviceState.CONNECTED, Duration.ofSeconds(2));
        assertTrue(System.nanoTime() - replugged < Duration.ofSeconds(2).toNanos());
        assertEquals(1, driver.info().reconnects());
        await("the printer's end open again", printer::connected, Duration.ofSeconds(2));

        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
        List<Object> states = events.stream().filter(ev -> ev.getTopic().equals(DeviceTopics.STATE_CHANGED))
                .map(ev -> ev.getProperty(DeviceTopics.PROPERTY_STATE)).toList();
        assertEquals(List.of("CONNECTED", "RECONNECTING", "CONNECTED"), states);
        Event first = events.get(0);
        assertEquals("hall1-printer", first.getProperty(DeviceTopics.PROPERTY_DEVICE));
        assertEquals("hall1", first.getProperty(DeviceTopics.PROPERTY_HALL));
    }

    @Test
    void aSlowLineStillPrints() throws DeviceException {
        printer.slowLine(Duration.ofMillis(40)); // each answer 40 ms late, four of them before the print
        long start = System.nanoTime();
        driver.print(EscPosEncoderTest.QUEUE_TICKET);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(160).toNanos(), "the line was not slow");
        assertEquals(QUEUE_TICKET_ON_PAPER, cutTicket(1));
        assertEquals(0, driver.info().framesBad());
    }

    @Test
    void charactersGbkHasNotArePrintedAsQuestionMarks() throws DeviceException {
        driver.print(List.of(PrintElement.Text.plain("张\uD83D\uDE00"), new PrintElement.Cut()));
        assertEquals(List.of(new Printed.Line("张?", 1, 1, false, Align.LEFT), new Printed.Cut(true)), cutTicket(1));
    }

    @Test
    void nothingPrintedReachesTheLog() throws DeviceException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            driver.print(EscPosEncoderTest.RECEIPT);
            cutTicket(1);
            driver.print(List.of(PrintElement.Text.plain("户号 3701000123 \uD83D\uDE00"))); // one '?' warned
            printer.paperOut(true);
            assertThrows(DeviceException.class, () -> driver.print(EscPosEncoderTest.RECEIPT));
        } finally {
            System.setErr(stderr);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("hall1-printer: 1 character(s) the printer has no glyph for were printed as '?'"),
                text);
        assertTrue(text.contains("hall1-printer: not ready: paper out"), text);
        for (String secret : List.of("3701000123", "128.50", "户号")) {
            assertFalse(text.contains(secret), secret + " in the log: " + text);
        }
    }

    /** The n-th ticket cut (from 1), once it is. */
    private List<Printed> cutTicket(int n) {
        await("ticket " + n + " cut", () -> cut().size() >= n, Duration.ofSeconds(3));
        return cut().get(n - 1);
    }

    private List<List<Printed>> cut() {
        return printer.tickets().stream().filter(t -> t.get(t.size() - 1) instanceof Printed.Cut).toList();
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
