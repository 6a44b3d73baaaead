package org.smarthall.device.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.device.simulators.idcard.SamCardSimulator;
import org.smarthall.device.simulators.keypad.RatingKeypadSimulator;

/** The demo's simulators: started by name, refused twice, all stopped with the bundle. */
class SimulationsTest {
    @TempDir
    Path dir;

    @Test
    void startedByNameAndAllStoppedWithTheBundle() throws Exception {
        Simulations simulations = new Simulations();
        Simulations.Running r = simulations.start("reader1", "idcard", dir.resolve("reader1"));
        assertTrue(r.device() instanceof SamCardSimulator);
        assertTrue(Files.exists(r.rig().hostEnd()));
        assertThrows(IllegalStateException.class, () -> simulations.start("reader1", "idcard", dir.resolve("x")));
        assertThrows(IllegalArgumentException.class, () -> simulations.start("x", "toaster", dir.resolve("x")));
        Simulations.Running pad = simulations.start("pad1", "keypad", dir.resolve("pad1"));
        assertTrue(pad.device() instanceof RatingKeypadSimulator);
        assertEquals(2, simulations.all().size());

        simulations.stopAll();
        assertEquals(0, simulations.all().size());
        assertFalse(r.rig().plugged());
        assertFalse(Files.exists(r.rig().hostEnd()));
        assertFalse(pad.rig().plugged());
    }

    @Test
    void aDriverIsConfiguredOnlyWhereConfigAdminIs() {
        Simulations simulations = new Simulations();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> simulations.start("reader2", "idcard", dir.resolve("reader2"), "H001"));
        assertTrue(e.getMessage().contains("ConfigAdmin"));
        assertEquals(0, simulations.all().size(), "nothing left running");
    }

    @Test
    void eachKindHasItsDriversConfiguration() {
        DriverConfigs.Config reader = DriverConfigs.of("idcard", "reader1", "H001", "/tmp/sim/ttyV1");
        assertEquals("org.smarthall.device.idcard.sam", reader.factoryPid());
        assertEquals(java.util.Map.of("deviceId", "reader1", "hall", "H001", "port", "/tmp/sim/ttyV1"), reader.properties());
        assertEquals("org.smarthall.device.printer.escpos", DriverConfigs.of("printer", "p", "H", "x").factoryPid());
        assertEquals("led-gbk-sum8", DriverConfigs.of("display", "d", "H", "x").properties().get("profile"));
        assertEquals("window-crc16-ack", DriverConfigs.of("display-window", "d", "H", "x").properties().get("profile"));
        assertEquals("org.smarthall.device.keypad.rating", DriverConfigs.of("keypad", "k", "H", "x").factoryPid());
        assertTrue(DriverConfigs.of("keypad", "k", "H", "x").properties().containsKey("windows"));
        assertThrows(IllegalArgumentException.class, () -> DriverConfigs.of("toaster", "t", "H", "x"));
    }
}
