package org.smarthall.device.printer.escpos.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.testing.Annotations;

/** The configuration: the defaults serve a kiosk printer, nonsense is refused naming the attribute. */
class EscPosPrinterSettingsTest {
    private static final Map<String, Object> REQUIRED = Map.of("deviceId", "hall1-printer", "hall", "hall1", "port",
            "/dev/ttyUSB1");

    @Test
    void theDefaultsServeAKioskPrinter() {
        EscPosPrinterSettings s = settings(REQUIRED);
        assertEquals("hall1-printer", s.deviceId());
        assertEquals("hall1", s.hall());
        assertEquals("/dev/ttyUSB1", s.link().port());
        assertEquals(9_600, s.link().baud());
        assertEquals(Duration.ofSeconds(1), s.link().backoffMax());
        assertEquals(Duration.ofMillis(500), s.statusTimeout());
        assertTrue(s.checkStatusBeforePrint());
        assertTrue(s.chineseMode());
        assertEquals(EscPosEncoder.Unmappable.REPLACE, s.unmappable());
        assertEquals(EscPosEncoder.Cut.PARTIAL, s.cut());
    }

    @Test
    void everyAttributeIsRead() {
        Map<String, Object> values = new HashMap<>(REQUIRED);
        values.putAll(Map.of("baud", 115_200, "chineseMode", false, "unmappable", " Refuse ", "cut", "FULL",
                "checkStatusBeforePrint", false, "statusTimeoutMillis", 50, "backoffMaxMillis", 60_000));
        EscPosPrinterSettings s = settings(values);
        assertEquals(115_200, s.link().baud());
        assertFalse(s.chineseMode());
        assertEquals(EscPosEncoder.Unmappable.REFUSE, s.unmappable());
        assertEquals(EscPosEncoder.Cut.FULL, s.cut());
        assertFalse(s.checkStatusBeforePrint());
        assertEquals(Duration.ofMillis(50), s.statusTimeout());
        assertEquals(Duration.ofMinutes(1), s.link().backoffMax());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "baud; 9601; baud = 9601 must be one of [2400, 4800, 9600, 19200, 38400, 57600, 115200]",
        "baud; 1200; baud = 1200 must be one of [2400, 4800, 9600, 19200, 38400, 57600, 115200]",
        "statusTimeoutMillis; 49; statusTimeoutMillis = 49 must be 50 to 10000",
        "statusTimeoutMillis; 10001; statusTimeoutMillis = 10001 must be 50 to 10000",
        "backoffMaxMillis; 0; backoffMaxMillis = 0 must be 50 to 60000",
        "unmappable; skip; unmappable = skip must be one of [replace, refuse]",
        "cut; diagonal; cut = diagonal must be one of [partial, full]",
        "port; ' '; port is required",
        "deviceId; ''; deviceId is required",
        "hall; '  '; hall is required"})
    void nonsenseIsRefusedNamingTheAttribute(String attribute, String value, String message) {
        Map<String, Object> values = new HashMap<>(REQUIRED);
        values.put(attribute, attribute.endsWith("Millis") || attribute.equals("baud") ? Integer.valueOf(value) : value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(values));
        assertEquals("printer-escpos configuration refused: " + message, e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedAndFrameworkKeysAreNot() {
        Map<String, Object> properties = new HashMap<>(REQUIRED);
        properties.putAll(Map.of("service.pid", "org.smarthall.device.printer.escpos.1", "service.factoryPid",
                "org.smarthall.device.printer.escpos", "felix.fileinstall.filename", "file:/etc/x.cfg",
                "component.id", 7L, "smarthall.plugin.id", "printer-escpos"));
        EscPosPrinterSettings.of(Annotations.of(EscPosPrinterConfig.class, REQUIRED), properties);

        properties.put("statusTimeoutMilis", 800); // a typo: silently ignored it would leave the default
        properties.put("frameTimeoutMillis", 300); // copied from the card reader's file: it has no meaning here
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EscPosPrinterSettings.of(Annotations.of(EscPosPrinterConfig.class, REQUIRED), properties));
        assertEquals("printer-escpos configuration refused: unknown keys frameTimeoutMillis, statusTimeoutMilis;"
                + " known: backoffMaxMillis, baud, checkStatusBeforePrint, chineseMode, cut, deviceId, hall, port,"
                + " statusTimeoutMillis, unmappable", e.getMessage());
    }

    @Test
    void everyAttributeOfTheFormIsAKnownKey() {
        for (java.lang.reflect.Method m : EscPosPrinterConfig.class.getDeclaredMethods()) {
            assertTrue(EscPosPrinterSettings.KEYS.contains(m.getName()), m.getName());
        }
        assertEquals(EscPosPrinterConfig.class.getDeclaredMethods().length, EscPosPrinterSettings.KEYS.size());
    }

    @Test
    void theExampleFileIsAValidConfiguration() throws java.io.IOException {
        java.util.Properties cfg = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src/main/cfg/org.smarthall.device.printer.escpos-kiosk.cfg"))) {
            cfg.load(r);
        }
        Map<String, Object> values = new HashMap<>();
        for (String key : cfg.stringPropertyNames()) {
            Class<?> type;
            try {
                type = EscPosPrinterConfig.class.getMethod(key).getReturnType();
            } catch (NoSuchMethodException e) {
                throw new AssertionError("the example file has the unknown key " + key);
            }
            String v = cfg.getProperty(key);
            values.put(key, type == int.class ? Integer.valueOf(v) : type == boolean.class ? Boolean.valueOf(v) : v);
        }
        assertEquals(EscPosPrinterSettings.KEYS, values.keySet(), "the example shows every key");
        EscPosPrinterSettings s = settings(values);
        assertEquals("hall1-kiosk-printer", s.deviceId());
        assertEquals(settings(REQUIRED).statusTimeout(), s.statusTimeout(), "the example keeps the defaults");
    }

    private static EscPosPrinterSettings settings(Map<String, Object> values) {
        return EscPosPrinterSettings.of(Annotations.of(EscPosPrinterConfig.class, values), values);
    }
}
