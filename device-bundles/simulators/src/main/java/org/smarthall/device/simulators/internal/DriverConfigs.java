package org.smarthall.device.simulators.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The driver configuration that goes with a simulator kind, so that {@code hall:simulate --hall}
 * gives the demo a working device in one command: the driver's factory PID and its properties,
 * with the simulator's name as the device id.
 */
final class DriverConfigs {

    /** A factory configuration to create. */
    record Config(String factoryPid, Map<String, Object> properties) {
    }

    private DriverConfigs() {
    }

    static Config of(String kind, String name, String hall, String port) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("deviceId", name);
        p.put("hall", hall);
        p.put("port", port);
        String pid = switch (kind) {
            case "idcard" -> "org.smarthall.device.idcard.sam";
            case "printer" -> "org.smarthall.device.printer.escpos";
            case "display" -> {
                p.put("profile", "led-gbk-sum8");
                yield "org.smarthall.device.display.call";
            }
            case "display-window" -> {
                p.put("profile", "window-crc16-ack");
                yield "org.smarthall.device.display.call";
            }
            case "keypad" -> {
                p.put("windows", "1=W01,2=W02,3=W03,4=W04");
                yield "org.smarthall.device.keypad.rating";
            }
            default -> throw new IllegalArgumentException("no driver for simulator kind " + kind);
        };
        return new Config(pid, Map.copyOf(p));
    }
}
