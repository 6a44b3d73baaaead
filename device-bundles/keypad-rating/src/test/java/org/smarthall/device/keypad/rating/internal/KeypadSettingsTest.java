package org.smarthall.device.keypad.rating.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.testing.Annotations;

/** The configuration: the defaults serve a keypad line, nonsense is refused naming the attribute and the entry. */
class KeypadSettingsTest {
    private static final Map<String, Object> REQUIRED = Map.of("deviceId", "hall1-keypads", "hall", "hall1", "port",
            "/dev/ttyUSB1", "windows", "1=W01,2=W02");

    @Test
    void theDefaultsServeAKeypadLine() {
        KeypadSettings s = settings(Map.of());
        assertEquals("hall1-keypads", s.deviceId());
        assertEquals(9_600, s.link().baud());
        assertEquals("/dev/ttyUSB1", s.link().port());
        assertEquals(Duration.ofMillis(100), s.link().frameTimeout());
        assertEquals(Duration.ofSeconds(1), s.link().backoffMax());
        assertEquals(Duration.ofSeconds(5), s.duplicateWindow());
        assertEquals(Map.of(1, 5, 2, 4, 3, 3, 4, 2, 5, 1), s.keyMap());
        assertEquals(Map.of(1, "W01", 2, "W02"), s.windows());
    }

    @Test
    void scoresByNameAndKeyCodesInHex() {
        KeypadSettings s = settings(Map.of("keyMap",
                " 0x31 = very-satisfied, 0x32=Satisfied,0x33=neutral,0x34=dissatisfied,0x35=very-dissatisfied,9=3",
                "windows", "1=W01, 0x0C=VIP-1, 254=window_254"));
        assertEquals(List.of(0x31, 0x32, 0x33, 0x34, 0x35, 9), List.copyOf(s.keyMap().keySet()));
        assertEquals(List.of(5, 4, 3, 2, 1, 3), List.copyOf(s.keyMap().values()));
        assertEquals(Map.of(1, "W01", 12, "VIP-1", 254, "window_254"), s.windows());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "keyMap  | 1=6            | keyMap entry '1=6': score 6 must be 1 to 5",
        "keyMap  | 1=5,2=0        | keyMap entry '2=0': score 0 must be 1 to 5",
        "keyMap  | 1=great        | keyMap entry '1=great': score 'great' is not a number nor one of very-satisfied,"
                + " satisfied, neutral, dissatisfied, very-dissatisfied",
        "keyMap  | 256=5          | keyMap entry '256=5': key code 256 must be 0 to 255",
        "keyMap  | one=5          | keyMap entry 'one=5': key code 'one' is not a number",
        "keyMap  | 1=5,0x01=4     | keyMap entry '0x01=4': 0x01 is given twice",
        "keyMap  | 1=5;2=4        | keyMap entry '1=5;2=4': score '5;2=4' is not a number nor one of very-satisfied,"
                + " satisfied, neutral, dissatisfied, very-dissatisfied",
        "keyMap  | 1=5,,2=4       | keyMap entry '' must be KEY=VALUE, entries separated by commas",
        "keyMap  | 1              | keyMap entry '1' must be KEY=VALUE, entries separated by commas",
        "keyMap  | =5             | keyMap entry '=5' must be KEY=VALUE, entries separated by commas",
        "keyMap  | \" \"            | keyMap is required",
        "windows | 0=W00          | windows entry '0=W00': address 0 must be 1 to 254",
        "windows | 255=W99        | windows entry '255=W99': address 255 must be 1 to 254",
        "windows | 1=W 01         | windows entry '1=W 01': window id must be 1 to 32 letters, digits, '_', '-' or '.'",
        "windows | 1=W01,1=W02    | windows entry '1=W02': 1 is given twice",
        "windows | 1=             | windows entry '1=' must be KEY=VALUE, entries separated by commas",
        "windows | \" \"            | windows is required"})
    void aBadMapIsRefusedNamingTheAttributeAndTheEntry(String attribute, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of(attribute, value)));
        assertEquals("keypad-rating configuration refused: " + message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "baud, 600, 1200 to 115200",
        "frameTimeoutMillis, 19, 20 to 5000",
        "duplicateWindowMillis, 499, 500 to 60000",
        "duplicateWindowMillis, 60001, 500 to 60000",
        "backoffMaxMillis, 0, 50 to 60000"})
    void nonsenseIsRefusedNamingTheAttribute(String attribute, int value, String range) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of(attribute, value)));
        assertEquals("keypad-rating configuration refused: " + attribute + " = " + value + " must be " + range,
                e.getMessage());
    }

    @Test
    void aLineWithoutAPortIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("port", " ")));
        assertEquals("keypad-rating configuration refused: port is required", e.getMessage());
    }

    @Test
    void theExampleFileIsAValidConfigurationWithEveryKey() throws IOException {
        Properties cfg = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/cfg/org.smarthall.device.keypad.rating-window1.cfg"))) {
            cfg.load(r);
        }
        Map<String, Object> values = new HashMap<>();
        for (String key : cfg.stringPropertyNames()) {
            Class<?> type;
            try {
                type = KeypadConfig.class.getMethod(key).getReturnType();
            } catch (NoSuchMethodException e) {
                throw new AssertionError("the example file has the unknown key " + key);
            }
            values.put(key, type == int.class ? Integer.valueOf(cfg.getProperty(key)) : cfg.getProperty(key));
        }
        Set<String> every = Arrays.stream(KeypadConfig.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(every, values.keySet(), "the example shows every key");
        KeypadSettings s = KeypadSettings.of(Annotations.of(KeypadConfig.class, values));
        assertEquals(Map.of(1, 5, 2, 4, 3, 3, 4, 2, 5, 1), s.keyMap());
        assertEquals(Map.of(1, "W01", 2, "W02", 3, "W03"), s.windows());
        KeypadSettings defaults = settings(Map.of());
        assertEquals(defaults.link().baud(), s.link().baud(), "the example keeps the defaults");
        assertEquals(defaults.link().frameTimeout(), s.link().frameTimeout());
        assertEquals(defaults.link().backoffMax(), s.link().backoffMax());
        assertEquals(defaults.duplicateWindow(), s.duplicateWindow());
    }

    private static KeypadSettings settings(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(REQUIRED);
        values.putAll(overrides);
        return KeypadSettings.of(Annotations.of(KeypadConfig.class, values));
    }
}
