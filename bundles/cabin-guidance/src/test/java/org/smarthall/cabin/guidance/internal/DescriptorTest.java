package org.smarthall.cabin.guidance.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * What bnd wrote for DS and Metatype: the listener is immediate (a delayed EventHandler nobody
 * references would never be activated, the idcard-sam lesson), a cabin plugin on the card topic,
 * and the hub carries the configuration PID with its Metatype.
 */
class DescriptorTest {
    private static final Path OSGI_INF = Path.of("target", "classes", "OSGI-INF");

    @Test
    void theListenerIsAnImmediateCabinOnTheCardTopic() throws IOException {
        String ds = read(OSGI_INF.resolve(SwipeListener.class.getName() + ".xml"));
        assertTrue(ds.contains("immediate=\"true\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.kind\" type=\"String\" value=\"cabin\""), ds);
        assertTrue(ds.contains("name=\"smarthall.plugin.id\" type=\"String\" value=\"guidance\""), ds);
        assertTrue(ds.contains("name=\"event.topics\" type=\"String\" value=\"org/smarthall/device/idcard/READ\""), ds);
        assertTrue(ds.contains("interface=\"org.smarthall.api.hall.HallActivity\""), ds);
        assertTrue(ds.contains("cardinality=\"0..1\" policy=\"dynamic\" interface=\"org.smarthall.api.hall.HallActivity\""),
                "the touchpoint store is optional: " + ds);
    }

    @Test
    void theHubIsConfiguredByItsPid() throws IOException {
        String ds = read(OSGI_INF.resolve(GuidanceHub.class.getName() + ".xml"));
        assertTrue(ds.contains("configuration-pid=\"" + GuidanceHub.PID + "\""), ds);
        assertTrue(ds.contains("configuration-policy=\"optional\""), ds);

        String metatype = read(OSGI_INF.resolve("metatype").resolve(GuidanceConfig.class.getName() + ".xml"));
        assertTrue(metatype.contains("<Designate pid=\"" + GuidanceHub.PID + "\""), metatype);
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
