package org.smarthall.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What bnd wrote for DS and Metatype, read from the build output: one immediate printer per
 * factory configuration (a delayed component was never activated in Karaf), registered as a
 * TicketPrinter with the plugin properties, and a factory form for the web console.
 */
class EscPosPrinterDescriptorTest {
    private static final Path CLASSES = Path.of("target", "classes", "OSGI-INF");

    @Test
    void oneImmediatePrinterPerFactoryConfiguration() throws IOException {
        String ds = Files.readString(CLASSES.resolve(EscPosPrinter.class.getName() + ".xml"), StandardCharsets.UTF_8);
        assertTrue(ds.contains("immediate=\"true\""), ds);
        assertTrue(ds.contains("configuration-policy=\"require\""), ds);
        assertTrue(ds.contains("configuration-pid=\"" + EscPosPrinter.PID + "\""), ds);
        assertTrue(ds.contains("<provide interface=\"org.smarthall.device.api.TicketPrinter\"/>"), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.kind\" type=\"String\" value=\"device\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.id\" type=\"String\" value=\"printer-escpos\""), ds);

        String metatype = Files.readString(CLASSES.resolve("metatype").resolve(EscPosPrinterConfig.class.getName()
                + ".xml"), StandardCharsets.UTF_8);
        assertTrue(metatype.contains("<Designate factoryPid=\"" + EscPosPrinter.PID + "\""), metatype);
        assertTrue(metatype.contains("id=\"unmappable\""), metatype);
    }
}
