package org.smarthall.device.simulators.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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

    /** One running simulator and its rig. */
    public record Running(String name, String kind, PtyRig rig, SimulatedDevice device) {
    }

    private final Map<String, Running> running = new TreeMap<>();

    /** Starts a simulator of a device kind on a fresh pty pair in {@code dir}. */
    public synchronized Running start(String name, String kind, Path dir) throws IOException {
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
        Running r = new Running(name, kind, rig, device);
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
