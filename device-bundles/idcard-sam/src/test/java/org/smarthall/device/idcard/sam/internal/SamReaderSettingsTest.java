package org.smarthall.device.idcard.sam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.testing.Annotations;

/** The configuration: the defaults serve a reader, nonsense is refused naming the attribute. */
class SamReaderSettingsTest {
    private static final Map<String, Object> REQUIRED = Map.of("deviceId", "hall1-reader", "hall", "hall1", "port",
            "/dev/ttyUSB0");

    @Test
    void theDefaultsServeAReader() {
        SamReaderSettings s = SamReaderSettings.of(Annotations.of(SamReaderConfig.class, REQUIRED));
        assertEquals("hall1-reader", s.deviceId());
        assertEquals(115_200, s.link().baud());
        assertEquals(Duration.ofMillis(300), s.link().frameTimeout());
        assertEquals(Duration.ofSeconds(1), s.link().backoffMax());
        assertEquals(Duration.ofMillis(300), s.pollInterval());
        assertEquals(Duration.ofSeconds(1), s.answerTimeout());
    }

    @ParameterizedTest
    @CsvSource({
        "baud, 1200, 9600 to 921600",
        "pollIntervalMillis, 49, 50 to 10000",
        "answerTimeoutMillis, 99, 100 to 10000",
        "frameTimeoutMillis, 10001, 50 to 10000",
        "backoffMaxMillis, 0, 50 to 60000"})
    void nonsenseIsRefusedNamingTheAttribute(String attribute, int value, String range) {
        Map<String, Object> values = new HashMap<>(REQUIRED);
        values.put(attribute, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamReaderSettings.of(Annotations.of(SamReaderConfig.class, values)));
        assertEquals("idcard-sam configuration refused: " + attribute + " = " + value + " must be " + range,
                e.getMessage());
    }

    @Test
    void aReaderWithoutAPortIsRefused() {
        Map<String, Object> values = new HashMap<>(REQUIRED);
        values.put("port", " ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamReaderSettings.of(Annotations.of(SamReaderConfig.class, values)));
        assertEquals("idcard-sam configuration refused: port is required", e.getMessage());
    }
}
