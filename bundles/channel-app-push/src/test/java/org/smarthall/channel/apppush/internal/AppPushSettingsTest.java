package org.smarthall.channel.apppush.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.testing.Annotations;

/** The configuration as Declarative Services hands it over: defaults, and what is refused. */
class AppPushSettingsTest {
    private static final Map<String, Object> GATEWAY = Map.of("baseUrl", "https://app-gw.example.com/push",
            "_apiKey", GatewayStub.API_KEY);

    private static AppPushConfig config(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(GATEWAY);
        values.putAll(overrides);
        return Annotations.of(AppPushConfig.class, values);
    }

    @Test
    void aGatewayAndKeyAreAllTheDefaultsNeed() {
        AppPushSettings settings = AppPushSettings.of(config(Map.of("baseUrl", "https://app-gw.example.com/push/")));
        assertEquals(URI.create("https://app-gw.example.com/push"), settings.baseUrl(), "no trailing slash");
        assertEquals("国网电力", settings.defaultTitle());
        assertEquals(Duration.ofSeconds(3), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(5), settings.requestTimeout());
        assertEquals(Duration.ofMinutes(1), settings.rateLimitRetry());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "baseUrl      | ''                     | baseUrl = '' must be an http or https URL without a query",
        "baseUrl      | ftp://gw.example       | baseUrl = 'ftp://gw.example' must be an http or https URL without a query",
        "baseUrl      | https://gw.example?a=1 | baseUrl = 'https://gw.example?a=1' must be an http or https URL without a query",
        "_apiKey      | ''                     | .apiKey is empty",
        "_apiKey      | 'sk live'              | .apiKey must be printable ASCII without spaces",
        "defaultTitle | ' '                    | defaultTitle is empty",
        "connectTimeoutMillis  | 0  | connectTimeoutMillis = 0 must be at least 1",
        "requestTimeoutMillis  | -5 | requestTimeoutMillis = -5 must be at least 1",
        "rateLimitRetrySeconds | 0  | rateLimitRetrySeconds = 0 must be at least 1",
    })
    void aConfigurationThatMakesNoSenseIsRefusedNamingTheAttribute(String attribute, String value, String why) {
        Object typed = attribute.endsWith("Millis") || attribute.endsWith("Seconds") ? (Object) Integer.valueOf(value)
                : value;
        // as DS activates it: the component's constructor refuses the configuration
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AppPushChannel(config(Map.of(attribute, typed))));
        assertEquals("app-push configuration refused: " + why, e.getMessage());
    }

    @Test
    void theKeyIsNeverPrinted() {
        AppPushSettings settings = AppPushSettings.of(config(Map.of()));
        assertFalse(settings.toString().contains(GatewayStub.API_KEY), settings.toString());
        assertTrue(settings.toString().contains("apiKey=***"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppPushSettings.of(config(Map.of("_apiKey", GatewayStub.API_KEY + " x"))));
        assertFalse(e.getMessage().contains(GatewayStub.API_KEY));
    }

    @Test
    void theKeyStaysOffTheServiceRegistry() throws Exception {
        // as bnd wrote them for Declarative Services and Metatype: a dotted property is not published on the service
        String component = resource("OSGI-INF/org.smarthall.channel.apppush.internal.AppPushChannel.xml");
        assertTrue(component.contains("<property name=\".apiKey\""), component);
        assertFalse(component.contains("name=\"apiKey\""), component);
        assertTrue(component.contains("configuration-pid=\"org.smarthall.channel.apppush\""), component);
        assertTrue(component.contains("name=\"smarthall.plugin.id\" type=\"String\" value=\"app-push\""), component);
        String metatype = resource("OSGI-INF/metatype/org.smarthall.channel.apppush.internal.AppPushConfig.xml");
        assertTrue(metatype.matches("(?s).*<AD [^>]*id=\"\\.apiKey\"[^>]*type=\"Password\".*"), metatype);
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = AppPushSettingsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, path + " written by bnd");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedCfgFileNamesOnlyAttributesAndWaitsForTheGateway() throws Exception {
        Properties cfg = new Properties();
        try (var in = Files.newBufferedReader(Path.of("../../features/src/main/cfg/org.smarthall.channel.apppush.cfg"))) {
            cfg.load(in);
        }
        Map<String, Object> values = new HashMap<>();
        for (String key : cfg.stringPropertyNames()) {
            String attribute = key.startsWith(".") ? "_" + key.substring(1) : key;
            Class<?> type = AppPushConfig.class.getMethod(attribute).getReturnType(); // throws for a stray key
            values.put(attribute, type == int.class ? (Object) Integer.valueOf(cfg.getProperty(key)) : cfg.getProperty(key));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppPushSettings.of(Annotations.of(AppPushConfig.class, values)));
        assertEquals("app-push configuration refused: baseUrl = '' must be an http or https URL without a query",
                e.getMessage());
        values.putAll(GATEWAY);
        assertEquals(AppPushSettings.of(config(Map.of())), AppPushSettings.of(Annotations.of(AppPushConfig.class, values)),
                "the file repeats the defaults");
    }
}
