package org.smarthall.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
    private static final LocalDate UNTIL = LocalDate.of(2025, 12, 31);

    @Test
    void sizesOutsideTheSupportedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(1, 999, 3, UNTIL, 30, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(1, 5_000_001, 3, UNTIL, 30, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(1, 1_000, 0, UNTIL, 30, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(1, 1_000, 21, UNTIL, 30, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(1, 1_000, 3, UNTIL, 0, StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(1, 1_000, 3, UNTIL, 30, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theDefaultEndIsTheLastDayOfThePreviousMonth() {
        assertEquals(LocalDate.of(2026, 2, 28), GeneratorSettings.lastDayOfPreviousMonth(LocalDate.of(2026, 3, 1)));
        assertEquals(LocalDate.of(2025, 12, 31), GeneratorSettings.lastDayOfPreviousMonth(LocalDate.of(2026, 1, 31)));
    }

    @Test
    void companiesAndPublicBodiesComeInProportion() {
        Composition small = Composition.of(1_000);
        assertEquals(700, small.prepaid());
        assertEquals(20, small.enterprises());
        assertEquals(3, small.government(), "at least a few government bodies");
        Composition demo = Composition.of(GeneratorSettings.DEFAULT_RESIDENTS);
        assertEquals(10_020, demo.customers(), "the demo has about 10,000 customers");
    }
}
