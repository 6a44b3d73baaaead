package org.smarthall.device.simulators.internal.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.Sex;
import org.smarthall.device.simulators.Fault;
import org.smarthall.device.simulators.display.CallDisplaySimulator;
import org.smarthall.device.simulators.idcard.SamCardSimulator;
import org.smarthall.device.simulators.internal.Simulations;
import org.smarthall.device.simulators.keypad.RatingKeypadSimulator;
import org.smarthall.device.simulators.printer.EscPosPrinterSimulator;

/**
 * {@code hall:simulate}: hall devices on pty pairs for the demo. Start one, point a driver's
 * {@code port} at the host end it prints, then lay cards, press keys, spoil frames, slow the line, unplug.
 */
@Service
@Command(scope = "hall", name = "simulate", description = "Simulated hall devices on pty pairs (socat) for the demo."
        + " Without arguments: the running ones.")
public class SimulateCommand implements Action {
    /** A synthetic demo card: the ID number is made up, with a right GB 11643 check digit. */
    static final IdCard DEMO_CARD = new IdCard("演示用户", Sex.FEMALE, "汉", LocalDate.of(1980, 5, 17),
            "山东省济南市历下区演示路1号", "370102198005171238", "济南市公安局历下分局", LocalDate.of(2020, 1, 1), null,
            new byte[1024]);

    @Reference
    private Simulations simulations;

    @Argument(index = 0, name = "name", description = "Simulator name, e.g. reader1")
    private String name;

    @Argument(index = 1, name = "action", description = "start | card | remove (idcard) | paper-out | paper-low | paper-ok"
            + " | cover-open | cover-closed | printed (printer) | shown | nak | silent (display) | press (keypad)"
            + " | bad-checksum | truncated | slow | unplug | replug | stop")
    @Completion(value = StringsCompleter.class, values = {"start", "card", "remove", "paper-out", "paper-low", "paper-ok",
        "cover-open", "cover-closed", "printed", "shown", "nak", "silent", "press", "bad-checksum", "truncated", "slow",
        "unplug", "replug", "stop"})
    private String action;

    @Argument(index = 2, name = "value", description = "slow: milliseconds between bytes (0: full speed);"
            + " silent: 1 on, 0 off; press: the keypad's bus address")
    private long value;

    @Argument(index = 3, name = "key", description = "press: the key code (decimal or 0x hex)")
    private String key;

    @Option(name = "--kind", description = "Device kind for start (idcard, printer, display = LED board led-gbk-sum8,"
            + " display-window = window displays window-crc16-ack, keypad = rating keypads on one line)")
    @Completion(value = StringsCompleter.class, values = {"idcard", "printer", "display", "display-window", "keypad"})
    private String kind = "idcard";

    @Option(name = "--hall", description = "With start: also configure the matching driver on the simulator's port, as"
            + " device NAME of this hall (stop removes the configuration)")
    private String hall;

    @Option(name = "--dir", description = "Directory for the pty links (default /tmp/smarthall-sim/<name>)")
    private String dir;

    @Override
    public Object execute() throws Exception {
        if (name == null) {
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("Kind");
            table.column("Driver port");
            table.column("Plugged");
            table.column("Frames sent");
            simulations.all().values().forEach(r -> table.addRow().addContent(r.name(), r.kind(), r.rig().hostEnd(),
                    r.rig().plugged(), r.device().framesSent()));
            table.print(System.out);
            return null;
        }
        if ("start".equals(action)) {
            Path d = Path.of(dir != null ? dir : "/tmp/smarthall-sim/" + name);
            Simulations.Running r = simulations.start(name, kind, d, hall);
            System.out.println(r.configuration() == null
                    ? name + " (" + kind + ") started; set the driver's port to " + r.rig().hostEnd()
                    : name + " (" + kind + ") started on " + r.rig().hostEnd() + "; driver configured as " + r.configuration()
                            + " (see hall:devices)");
            return null;
        }
        Simulations.Running r = simulations.get(name)
                .orElseThrow(() -> new IllegalArgumentException("no simulator " + name + " is running"));
        switch (action == null ? "" : action) {
            case "card" -> idcard(r).layCard(DEMO_CARD, "01");
            case "remove" -> idcard(r).takeCardAway();
            case "paper-out" -> printer(r).paperOut(true);
            case "paper-low" -> printer(r).paperNearEnd(true);
            case "paper-ok" -> {
                printer(r).paperOut(false);
                printer(r).paperNearEnd(false);
            }
            case "cover-open" -> printer(r).coverOpen(true);
            case "cover-closed" -> printer(r).coverOpen(false);
            case "printed" -> {
                printer(r).lastTicketText().forEach(System.out::println);
                return null;
            }
            case "press" -> {
                if (key == null) {
                    throw new IllegalArgumentException("press needs the address and the key: " + name + " press 1 1");
                }
                boolean acked = keypad(r).press((int) value, Integer.decode(key));
                System.out.println(name + ": key " + key + " pressed at address " + value
                        + (acked ? ", acknowledged" : ", not acknowledged after the resends"));
                return null;
            }
            case "bad-checksum" -> r.device().inject(Fault.BAD_CHECKSUM);
            case "truncated" -> r.device().inject(Fault.TRUNCATED);
            case "slow" -> r.device().slowLine(Duration.ofMillis(value));
            case "unplug" -> r.rig().unplug();
            case "replug" -> r.rig().replug();
            case "stop" -> simulations.stop(name);
            case "shown" -> {
                ShellTable table = new ShellTable();
                table.column("Address");
                table.column("Shows");
                display(r).shownAll().forEach((address, text) -> table.addRow().addContent(address, text));
                table.print(System.out);
                return null;
            }
            case "nak" -> display(r).nakNext();
            case "silent" -> display(r).silent(value != 0);
            default -> throw new IllegalArgumentException("actions: " + List.of("start", "card", "remove",
                    "paper-out", "paper-low", "paper-ok", "cover-open", "cover-closed", "printed", "shown", "nak",
                    "silent", "press", "bad-checksum", "truncated", "slow", "unplug", "replug", "stop"));
        }
        System.out.println(name + ": " + action + " done");
        return null;
    }

    private static EscPosPrinterSimulator printer(Simulations.Running r) {
        if (r.device() instanceof EscPosPrinterSimulator p) {
            return p;
        }
        throw new IllegalArgumentException(r.name() + " is no printer");
    }

    private static CallDisplaySimulator display(Simulations.Running r) {
        if (r.device() instanceof CallDisplaySimulator d) {
            return d;
        }
        throw new IllegalArgumentException(r.name() + " is no call display");
    }

    private static RatingKeypadSimulator keypad(Simulations.Running r) {
        if (r.device() instanceof RatingKeypadSimulator k) {
            return k;
        }
        throw new IllegalArgumentException(r.name() + " is no keypad line");
    }

    private static SamCardSimulator idcard(Simulations.Running r) {
        if (r.device() instanceof SamCardSimulator s) {
            return s;
        }
        throw new IllegalArgumentException(r.name() + " is no ID card reader");
    }
}
