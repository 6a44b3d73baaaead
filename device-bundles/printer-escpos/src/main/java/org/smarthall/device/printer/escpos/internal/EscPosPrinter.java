package org.smarthall.device.printer.escpos.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.PrintElement;
import org.smarthall.device.api.PrinterStatus;
import org.smarthall.device.api.TicketPrinter;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.serial.SerialPorts;
import org.smarthall.device.serial.StateEvents;

/**
 * One ESC/POS ticket printer on one port. {@link #print} encodes the elements first (a job that
 * cannot be printed costs nothing on the wire), asks the printer's real-time status
 * ({@code DLE EOT 1..4}) unless configured not to, refuses the job naming the cause when the
 * printer is not ready, and writes the job in one piece. {@link #status} asks the four queries.
 * One job or query at a time: a status query never lands inside a job's bytes.
 *
 * <p>Printed text is not logged (a receipt can carry a name or an account number): log lines
 * name the device, the port, byte counts and causes.
 */
// immediate: the link opens and reports its state at start, not when a cabin first asks
@Component(service = TicketPrinter.class, configurationPid = EscPosPrinter.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = EscPosPrinterConfig.class, factory = true)
@SmartHallPlugin(kind = PluginKind.DEVICE, id = EscPosPrinter.PLUGIN_ID)
public class EscPosPrinter implements TicketPrinter {
    public static final String PID = "org.smarthall.device.printer.escpos";
    public static final String PLUGIN_ID = "printer-escpos";
    static final String KIND = "ticket-printer";
    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);

    /** Where events go: EventAdmin in the framework, a list in tests. */
    interface Publisher {
        void post(Event event);
    }

    private final EscPosPrinterSettings settings;
    private final EscPosEncoder encoder;
    private final Publisher publisher;
    private final SerialLink link;
    private final AtomicLong jobsPrinted = new AtomicLong();
    private final AtomicLong jobsRefused = new AtomicLong();
    /** The last status seen, to log a change once rather than every query. */
    private PrinterStatus lastStatus;

    @Activate
    public EscPosPrinter(@Reference SerialPorts ports, @Reference EventAdmin events, EscPosPrinterConfig config,
            Map<String, Object> properties) {
        this(ports, events::postEvent, EscPosPrinterSettings.of(config, properties));
    }

    EscPosPrinter(SerialPorts ports, Publisher publisher, EscPosPrinterSettings settings) {
        this.settings = settings;
        this.encoder = settings.encoder();
        this.publisher = publisher;
        // late answers (their request timed out) are dropped; state changes are posted
        this.link = ports.open(settings.link(), RealTimeStatus.CODEC,
                new StateEvents(settings.deviceId(), settings.hall(), publisher::post));
    }

    @Deactivate
    void stop() {
        link.close();
    }

    @Override
    public DeviceInfo info() {
        return link.deviceInfo(settings.deviceId(), KIND, settings.hall());
    }

    @Override
    public synchronized void print(List<PrintElement> elements) throws DeviceException {
        EscPosEncoder.Job job;
        try {
            job = encoder.encode(elements);
        } catch (DeviceException e) {
            jobsRefused.incrementAndGet();
            throw new DeviceException(settings.deviceId() + ": " + e.getMessage());
        }
        connected();
        if (settings.checkStatusBeforePrint()) {
            RealTimeStatus.Answers answers = ask();
            if (!answers.status().ready()) {
                jobsRefused.incrementAndGet();
                throw new DeviceException(settings.deviceId() + " cannot print: " + answers.cause());
            }
        }
        link.write(job.bytes());
        jobsPrinted.incrementAndGet();
        if (job.replaced() > 0) {
            LOG.warn("{}: {} character(s) the printer has no glyph for were printed as '?'", settings.deviceId(),
                    job.replaced());
        }
        LOG.debug("{}: {} elements, {} bytes sent to {}", settings.deviceId(), elements.size(), job.bytes().length,
                settings.link().port());
    }

    @Override
    public synchronized PrinterStatus status() throws DeviceException {
        connected();
        return ask().status();
    }

    /** Jobs written to the printer since the driver started. */
    long jobsPrinted() {
        return jobsPrinted.get();
    }

    /** Jobs refused: not printable, or the printer not ready. */
    long jobsRefused() {
        return jobsRefused.get();
    }

    private void connected() throws DeviceException {
        DeviceState state = link.state();
        if (state != DeviceState.CONNECTED) {
            throw new DeviceException(settings.deviceId() + " is not connected on " + settings.link().port() + " ("
                    + state + ")");
        }
    }

    private RealTimeStatus.Answers ask() throws DeviceException {
        int[] answers = new int[RealTimeStatus.Query.values().length];
        Duration timeout = settings.statusTimeout();
        for (RealTimeStatus.Query q : RealTimeStatus.Query.values()) {
            Optional<Frame> answer = link.exchange(q.request(), timeout);
            if (answer.isEmpty()) {
                throw new DeviceException(settings.deviceId() + ": no answer to DLE EOT " + q.n + " (" + q.meaning
                        + ") within " + timeout.toMillis() + " ms on " + settings.link().port()
                        + "; is it an ESC/POS printer, on at " + settings.link().baud() + " baud?");
            }
            answers[q.ordinal()] = answer.get().at(0);
        }
        RealTimeStatus.Answers a = new RealTimeStatus.Answers(answers[0], answers[1], answers[2], answers[3]);
        noteChange(a);
        return a;
    }

    private void noteChange(RealTimeStatus.Answers a) {
        PrinterStatus now = a.status();
        if (now.equals(lastStatus)) {
            return;
        }
        if (!now.ready()) {
            LOG.warn("{}: not ready: {}", settings.deviceId(), a.cause());
        } else if (now.paperNearEnd()) {
            LOG.warn("{}: paper near its end", settings.deviceId());
        } else if (lastStatus != null) {
            LOG.info("{}: ready again", settings.deviceId());
        }
        lastStatus = now;
    }

}
