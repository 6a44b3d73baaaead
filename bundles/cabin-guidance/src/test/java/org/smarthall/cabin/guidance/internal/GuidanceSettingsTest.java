package org.smarthall.cabin.guidance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.testing.Annotations;

/** The configuration: defaults, the example cfg, and every value that makes no sense refused by name. */
class GuidanceSettingsTest {

    @Test
    void theDefaultsServeAHall() {
        GuidanceSettings s = GuidanceSettings.of(Annotations.of(GuidanceConfig.class));

        assertEquals(Duration.ofMinutes(5), s.latestTtl());
        assertEquals(20, s.replaySize());
        assertEquals(Duration.ofSeconds(15), s.heartbeat());
        assertEquals(Set.of("diamond", "platinum"), s.rules().vipGrades());
        assertEquals(Set.of(CustomerKind.ENTERPRISE, CustomerKind.GOVERNMENT), s.rules().vipKinds());
        assertEquals(Set.of("occasional", "frequent"), s.rules().priorityTrips());
        assertEquals(0, s.rules().selfServiceMaxArrears().compareTo(BigDecimal.ZERO));
    }

    /** The example cfg holds exactly the defaults, and every key in it is an attribute. */
    @Test
    void theExampleCfgIsTheDefaults() throws Exception {
        Properties cfg = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src", "main", "cfg", GuidanceHub.PID + ".cfg"))) {
            cfg.load(in);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : cfg.stringPropertyNames()) {
            Class<?> type = GuidanceConfig.class.getMethod(key).getReturnType();
            values.put(key, type == int.class ? (Object) Integer.valueOf(cfg.getProperty(key)) : cfg.getProperty(key));
        }
        assertEquals(GuidanceConfig.class.getDeclaredMethods().length, values.size(), "every attribute is in the cfg");
        assertEquals(GuidanceSettings.of(Annotations.of(GuidanceConfig.class)),
                GuidanceSettings.of(Annotations.of(GuidanceConfig.class, values)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "latestTtlMinutes      | 0        | latestTtlMinutes = 0 must be 1 to 1440",
        "replaySize            | -1       | replaySize = -1 must be 0 to 1000",
        "heartbeatSeconds      | 0        | heartbeatSeconds = 0 must be 1 to 300",
        "retryMillis           | 99       | retryMillis = 99 must be 100 to 600000",
        "workers               | 17       | workers = 17 must be 1 to 16",
        "queueCapacity         | 0        | queueCapacity = 0 must be 1 to 10000",
        "vipKinds              | VIP      | vipKinds: 'vip' is not one of [RESIDENT, PREPAID_RESIDENT, ENTERPRISE, GOVERNMENT]",
        "priorityTrips         | often    | priorityTrips: 'often' is not one of normal, occasional, frequent",
        "selfServiceMaxArrears | -1       | selfServiceMaxArrears = -1 must be 0 or more",
        "selfServiceMaxArrears | ten yuan | selfServiceMaxArrears = 'ten yuan' is not an amount in yuan (e.g. 0 or 50.00)",
    })
    void nonsenseIsRefusedWithTheAttributeNamed(String attribute, String value, String message) throws Exception {
        Class<?> type = GuidanceConfig.class.getMethod(attribute).getReturnType();
        Object typed = type == int.class ? (Object) Integer.valueOf(value) : value;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuidanceSettings.of(Annotations.of(GuidanceConfig.class, Map.of(attribute, typed))));
        assertEquals("guidance configuration refused: " + message, e.getMessage());
    }

    @Test
    void emptyListsSwitchARuleOff() {
        GuidanceSettings s = GuidanceSettings.of(Annotations.of(GuidanceConfig.class,
                Map.of("vipGrades", "", "vipKinds", " ", "priorityTrips", "")));

        assertEquals(Set.of(), s.rules().vipGrades());
        assertEquals(Set.of(), s.rules().vipKinds());
        assertEquals(Set.of(), s.rules().priorityTrips());
    }
}
