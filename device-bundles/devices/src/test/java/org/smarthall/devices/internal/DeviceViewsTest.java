package org.smarthall.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.api.DeviceState;

class DeviceViewsTest {
    private static final String SAM = "org.smarthall.device.idcard.sam";

    private static DeviceView running(String id, String hall, String pid) {
        return DeviceView.running(new DeviceInfo(id, "idcard-reader", hall, "/dev/ttyUSB0", DeviceState.CONNECTED, 7, 1,
                2, Instant.parse("2026-11-23T02:00:00Z")), "idcard-sam", "1.0.0.SNAPSHOT", pid);
    }

    @Test
    void aConfigurationARunningDriverStandsForIsNotListedTwice() {
        List<DeviceView> all = DeviceViews.merge(List.of(running("reader1", "H1", SAM + "~entrance")),
                List.of(new ConfiguredDevice(SAM + "~entrance", SAM, "reader1", "H1", "/dev/ttyUSB0", "ACTIVE", null),
                        // same device id under another PID (a reconfiguration in flight): still one row
                        new ConfiguredDevice(SAM + "~old", SAM, "reader1", "H1", "/dev/ttyUSB0", "ACTIVE", null)));
        assertEquals(1, all.size());
        DeviceView d = all.get(0);
        assertEquals("CONNECTED", d.state());
        assertEquals(7, d.framesGood());
        assertEquals(1, d.framesBad());
        assertEquals(2, d.reconnects());
        assertNull(d.problem());
    }

    @Test
    void aConfiguredDeviceWithoutDriverShowsWhy() {
        String failure = "java.lang.IllegalArgumentException: baud = 7 must be 300 to 4000000\n\tat org.smarthall.X.y(X.java:1)";
        List<DeviceView> all = DeviceViews.merge(List.of(running("reader1", "H2", SAM + "~a")), List.of(
                new ConfiguredDevice("org.smarthall.device.printer.escpos~p", "org.smarthall.device.printer.escpos",
                        "printer1", "H1", "/dev/ttyS1", "NO_DRIVER", null),
                new ConfiguredDevice(SAM + "~b", SAM, "reader2", "H1", "/dev/ttyS2", "FAILED_ACTIVATION", failure),
                new ConfiguredDevice(SAM + "~c", SAM, "reader3", "H1", "/dev/ttyS3", "UNSATISFIED_REFERENCE", null),
                new ConfiguredDevice(SAM + "~d", SAM, "reader4", "H1", "/dev/ttyS4", "ACTIVE", null),
                new ConfiguredDevice(SAM + "~e", SAM, "reader5", "H1", "/dev/ttyS5", "FAILED_ACTIVATION",
                        "java.lang.reflect.InvocationTargetException\n\tat x.Y.z(Y.java:3)\nCaused by: "
                                + "java.lang.IllegalArgumentException: idcard-sam configuration refused: hall is required\n"
                                + "\tat x.Y.z(Y.java:4)")));
        assertEquals(List.of("printer1", "reader2", "reader3", "reader4", "reader5", "reader1"),
                all.stream().map(DeviceView::id).toList(), "sorted by hall, then id");
        assertEquals("NO_DRIVER", all.get(0).state());
        assertEquals("no driver is installed for org.smarthall.device.printer.escpos", all.get(0).problem());
        assertEquals("org.smarthall.device.printer.escpos", all.get(0).driver());
        assertEquals("FAILED_ACTIVATION", all.get(1).state());
        assertEquals("baud = 7 must be 300 to 4000000", all.get(1).problem(), "first line of the trace, without the class");
        assertEquals("UNSATISFIED_REFERENCE", all.get(2).state());
        assertEquals("NOT_ACTIVE", all.get(3).state(), "an active component without its service is starting or stopping");
        assertEquals("idcard-sam configuration refused: hall is required", all.get(4).problem(),
                "a constructor's exception: the cause, not the reflection wrapper");
    }

    @Test
    void pidsAndStatesFromTheRuntime() {
        assertEquals("a", DeviceDirectory.pid("a"));
        assertEquals("b", DeviceDirectory.pid(new String[] {"x", "b"}));
        assertNull(DeviceDirectory.pid(null));
        assertEquals("FAILED_ACTIVATION", DeviceDirectory.stateName(ComponentConfigurationDTO.FAILED_ACTIVATION));
        assertEquals("UNSATISFIED_REFERENCE", DeviceDirectory.stateName(ComponentConfigurationDTO.UNSATISFIED_REFERENCE));
    }
}
