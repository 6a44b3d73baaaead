package org.smarthall.devices.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Puts the running drivers and the device configurations together into one list. */
final class DeviceViews {
    private static final int PROBLEM_MAX = 300;

    private DeviceViews() {
    }

    /**
     * The running devices, then every configured device none of them stands for: a configuration
     * is covered when a running device was configured under its PID or carries its device id.
     * Sorted by hall, then id.
     */
    static List<DeviceView> merge(List<DeviceView> running, List<ConfiguredDevice> configured) {
        List<DeviceView> all = new ArrayList<>(running);
        Set<String> pids = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (DeviceView v : running) {
            if (v.configuration() != null) {
                pids.add(v.configuration());
            }
            ids.add(v.id());
        }
        for (ConfiguredDevice c : configured) {
            if (pids.contains(c.pid()) || ids.contains(c.deviceId())) {
                continue;
            }
            String state = switch (c.componentState()) {
                // the component is active but its service is not (yet) registered: starting or stopping
                case "ACTIVE", "SATISFIED" -> "NOT_ACTIVE";
                default -> c.componentState();
            };
            all.add(new DeviceView(c.deviceId(), null, c.hall(), c.port(), state, 0, 0, 0, null, c.factoryPid(),
                    null, c.pid(), problem(c)));
        }
        all.sort(Comparator.comparing((DeviceView v) -> v.hall() == null ? "" : v.hall()).thenComparing(DeviceView::id));
        return all;
    }

    static String problem(ConfiguredDevice c) {
        String text = switch (c.componentState()) {
            case "NO_DRIVER" -> "no driver is installed for " + c.factoryPid();
            case "FAILED_ACTIVATION" -> c.failure() == null ? "the driver failed to start" : firstLine(c.failure());
            case "UNSATISFIED_REFERENCE" -> "the driver waits for a service it needs (is the serial transport installed?)";
            case "UNSATISFIED_CONFIGURATION" -> "the driver has not taken the configuration yet";
            default -> "the driver is not running";
        };
        return text.length() > PROBLEM_MAX ? text.substring(0, PROBLEM_MAX) + "…" : text;
    }

    /**
     * The runtime's failure text is a stack trace: its first line, or the deepest "Caused by" (a
     * constructor's exception comes wrapped in an InvocationTargetException), says what went wrong.
     */
    private static String firstLine(String failure) {
        String line = failure.strip();
        int cause = line.lastIndexOf("Caused by: ");
        if (cause >= 0) {
            line = line.substring(cause + "Caused by: ".length());
        }
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl).strip();
        // "java.lang.IllegalArgumentException: baud = 7 must be ..." reads better without the class
        int colon = line.indexOf(": ");
        if (colon > 0 && line.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            line = line.substring(colon + 2);
        }
        return line;
    }
}
