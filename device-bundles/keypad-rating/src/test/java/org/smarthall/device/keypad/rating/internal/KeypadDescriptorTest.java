package org.smarthall.device.keypad.rating.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What bnd wrote for DS and Metatype, read from the build output: one immediate component per
 * factory configuration (a delayed one is never activated when nobody holds its service, and
 * would never listen), and a Metatype form for the factory PID.
 */
class KeypadDescriptorTest {
    private static final Path CLASSES = Path.of("target", "classes", "OSGI-INF");

    @Test
    void oneImmediateKeypadLinePerFactoryConfiguration() throws IOException {
        String ds = Files.readString(CLASSES.resolve(RatingKeypadBus.class.getName() + ".xml"), StandardCharsets.UTF_8);
        assertTrue(ds.contains("immediate=\"true\""), ds);
        assertTrue(ds.contains("configuration-policy=\"require\""), ds);
        assertTrue(ds.contains("configuration-pid=\"org.smarthall.device.keypad.rating\""), ds);
        assertTrue(ds.contains("<provide interface=\"org.smarthall.device.api.RatingKeypad\"/>"), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.kind\" type=\"String\" value=\"device\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.id\" type=\"String\" value=\"keypad-rating\""), ds);

        String metatype = Files.readString(CLASSES.resolve("metatype").resolve(KeypadConfig.class.getName() + ".xml"),
                StandardCharsets.UTF_8);
        assertTrue(metatype.contains("<Designate factoryPid=\"org.smarthall.device.keypad.rating\""), metatype);
        for (String attribute : new String[] {"deviceId", "hall", "port", "baud", "keyMap", "windows",
            "frameTimeoutMillis", "duplicateWindowMillis", "backoffMaxMillis"}) {
            assertTrue(metatype.contains("id=\"" + attribute + "\""), attribute + " in " + metatype);
        }
    }
}
