package org.smarthall.device.idcard.sam.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What bnd wrote for DS and Metatype, read from the build output: the shape that made a reader
 * sit idle in Karaf once (a delayed component is never activated when nobody holds its service)
 * must not come back.
 */
class SamReaderDescriptorTest {
    private static final Path CLASSES = Path.of("target", "classes", "OSGI-INF");

    @Test
    void oneImmediateReaderPerFactoryConfiguration() throws IOException {
        String ds = Files.readString(CLASSES.resolve(SamIdCardReader.class.getName() + ".xml"), StandardCharsets.UTF_8);
        assertTrue(ds.contains("immediate=\"true\""), ds);
        assertTrue(ds.contains("configuration-policy=\"require\""), ds);
        assertTrue(ds.contains("configuration-pid=\"" + SamIdCardReader.PID + "\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.kind\" type=\"String\" value=\"device\""), ds);

        String metatype = Files.readString(CLASSES.resolve("metatype").resolve(SamReaderConfig.class.getName() + ".xml"),
                StandardCharsets.UTF_8);
        assertTrue(metatype.contains("<Designate factoryPid=\"" + SamIdCardReader.PID + "\""), metatype);
    }
}
