package org.smarthall.channel.hallscreen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.smarthall.testing.Annotations;

/** The configuration: its defaults serve a hall, and nonsense is refused naming the attribute. */
class HallScreenSettingsTest {

    @Test
    void theDefaultsServeAHall() {
        assertEquals(new HallScreenSettings(200, 50, Duration.ofMinutes(30), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofSeconds(2), 10_000),
                HallScreenSettings.of(Annotations.of(HallScreenConfig.class)));
    }

    @ParameterizedTest
    @CsvSource({
        "maxLength, 0, 1 to 100000",
        "bufferSize, -1, 0 to 10000",
        "replayMinutes, 1441, 0 to 1440",
        "heartbeatSeconds, 0, 1 to 300",
        "retryMillis, 99, 100 to 600000",
        "deliveryWaitMillis, 0, 1 to 60000",
        "rememberedMessages, 0, 1 to 1000000"})
    void nonsenseIsRefusedNamingTheAttribute(String attribute, int value, String range) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HallScreenSettings.of(Annotations.of(HallScreenConfig.class, Map.of(attribute, value))));
        assertEquals("hall-screen configuration refused: " + attribute + " = " + value + " must be " + range,
                e.getMessage());
    }
}
