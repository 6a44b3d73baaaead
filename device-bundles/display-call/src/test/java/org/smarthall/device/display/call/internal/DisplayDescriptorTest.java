package org.smarthall.device.display.call.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What bnd wrote for DS and Metatype: an immediate component per factory configuration (a
 * delayed one was never activated in Karaf), the plugin properties, and a Metatype form.
 */
class DisplayDescriptorTest {
    private static final Path CLASSES = Path.of("target", "classes", "OSGI-INF");

    @Test
    void oneImmediateDisplayBusPerFactoryConfiguration() throws IOException {
        String ds = Files.readString(CLASSES.resolve(VendorCallDisplay.class.getName() + ".xml"), StandardCharsets.UTF_8);
        assertTrue(ds.contains("immediate=\"true\""), ds);
        assertTrue(ds.contains("configuration-policy=\"require\""), ds);
        assertTrue(ds.contains("configuration-pid=\"org.smarthall.device.display.call\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.kind\" type=\"String\" value=\"device\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.id\" type=\"String\" value=\"display-call\""), ds);
        assertTrue(ds.contains("<provide interface=\"org.smarthall.device.api.CallDisplay\"/>"), ds);

        String metatype = Files.readString(CLASSES.resolve("metatype").resolve(DisplayConfig.class.getName() + ".xml"),
                StandardCharsets.UTF_8);
        assertTrue(metatype.contains("<Designate factoryPid=\"org.smarthall.device.display.call\""), metatype);
        assertTrue(metatype.contains("id=\"checksum\""), metatype);
    }
}
