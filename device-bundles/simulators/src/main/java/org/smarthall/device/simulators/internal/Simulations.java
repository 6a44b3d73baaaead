package org.smarthall.device.simulators.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.device.simulators.PtyRig;
import org.smarthall.device.simulators.SimulatedDevice;
import org.smarthall.device.simulators.display.CallDisplaySimulator;
import org.smarthall.device.simulators.display.DisplayWire;
import org.smarthall.device.simulators.idcard.SamCardSimulator;
import org.smarthall.device.simulators.keypad.RatingKeypadSimulator;
import org.smarthall.device.simulators.printer.EscPosPrinterSimulator;

/**
 * The simulators running in this Karaf for the demo ({@code hall:simulate}), by name. Stopping
 * the bundle stops them all, so no socat outlives it.
 */
@Component(service = Simulations.class)
public class Simulations {

    private static final Logger LOG = LoggerFactory.getLogger(Simulations.class);

    /**
     * One running simulator and its rig.
     *
     * @param configuration the PID of the driver configuration made for it, {@code null} when none was made
     */
    public record Running(String name, String kind, PtyRig rig, SimulatedDevice device, String configuration) {
    }

    private final Map<String, Running> running = new TreeMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurations;

    /** Starts a simulator of a device kind on a fresh pty pair in {@code dir}. */
    public Running start(String name, String kind, Path dir) throws IOException {
        return start(name, kind, dir, null);
    }

    /**
     * Starts a simulator and, when {@code hall} is given, configures the matching driver on its
     * port as device {@code name} of that hall ({@link DriverConfigs}); {@link #stop} removes that
     * configuration again.
     */
    public synchronized Running start(String name, String kind, Path dir, String hall) throws IOException {
        DriverConfigs.Config driver = hall == null ? null : DriverConfigs.of(kind, name, hall, "(port)");
        ConfigurationAdmin admin = configurations;
        if (driver != null && admin == null) {
            throw new IllegalStateException("ConfigAdmin is not available to configure the driver");
        }
        if (running.containsKey(name)) {
            throw new IllegalStateException(name + " is running already");
        }
        Files.createDirectories(dir);
        PtyRig rig = PtyRig.start(dir);
        SimulatedDevice device;
        switch (kind) {
            case "idcard" -> device = new SamCardSimulator(rig.deviceEnd());
            case "printer" -> device = new EscPosPrinterSimulator(rig.deviceEnd());
            // display: the hall LED board profile; display-window: window displays that answer ACK/NAK
            case "display" -> device = new CallDisplaySimulator(rig.deviceEnd(), DisplayWire.LED_GBK_SUM8);
            case "display-window" -> device = new CallDisplaySimulator(rig.deviceEnd(), DisplayWire.WINDOW_CRC16_ACK);
            case "keypad" -> device = new RatingKeypadSimulator(rig.deviceEnd());
            default -> {
                rig.close();
                throw new IllegalArgumentException("no simulator for " + kind + "; known: idcard, printer, display,"
                        + " display-window, keypad");
            }
        }
        device.start();
        String pid = null;
        if (driver != null) {
            try {
                Configuration c = admin.createFactoryConfiguration(driver.factoryPid(), "?");
                c.update(new Hashtable<>(DriverConfigs.of(kind, name, hall, rig.hostEnd().toString()).properties()));
                pid = c.getPid();
            } catch (IOException | RuntimeException e) {
                device.close();
                rig.close();
                throw e;
            }
        }
        Running r = new Running(name, kind, rig, device, pid);
        running.put(name, r);
        return r;
    }

    public synchronized Optional<Running> get(String name) {
        return Optional.ofNullable(running.get(name));
    }

    public synchronized Map<String, Running> all() {
        return Map.copyOf(running);
    }

    public synchronized void stop(String name) {
        Running r = running.remove(name);
        if (r != null) {
            ConfigurationAdmin admin = configurations;
            if (r.configuration() != null && admin != null) {
                // the driver goes first, so it closes its port before the rig's pty disappears
                try {
                    admin.getConfiguration(r.configuration(), "?").delete();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Driver configuration {} of simulator {} not removed: {}", r.configuration(), name, e.toString());
                }
            }
            r.device().close();
            r.rig().close();
        }
    }

    @Deactivate
    synchronized void stopAll() {
        for (String name : Map.copyOf(running).keySet()) {
            stop(name);
        }
    }
}
