package org.smarthall.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.testing.Annotations;

/** The configuration as Declarative Services hands it over: defaults, and what is refused. */
class WeChatSettingsTest {
    private static final Map<String, Object> ACCOUNT = Map.of("appId", WeChatStub.APP_ID, "_appSecret",
            WeChatStub.APP_SECRET);

    private static WeChatConfig config(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(ACCOUNT);
        values.putAll(overrides);
        return Annotations.of(WeChatConfig.class, values);
    }

    @Test
    void anAccountIsAllTheDefaultsNeed() {
        WeChatSettings settings = WeChatSettings.of(config(Map.of()));
        assertEquals(URI.create("https://api.weixin.qq.com"), settings.baseUrl());
        assertEquals(Map.of(), settings.templates());
        assertEquals(Duration.ofMinutes(5), settings.tokenRefreshMargin());
        assertEquals(20, settings.maxSendsPerSecond());
        assertEquals(ZoneId.of("Asia/Shanghai"), settings.quotaZone());
        assertEquals(0, settings.dailyQuotaResetHour());
    }

    @Test
    void templatesAreReadByPurpose() {
        WeChatSettings settings = WeChatSettings.of(config(Map.of("templates",
                " bill=TPL1, outage = TPL2 ,purchase_reminder=TPL3", "baseUrl", "https://proxy.example:8443/wx/")));
        assertEquals(Optional.of("TPL1"), settings.templateFor("bill"));
        assertEquals(Optional.of("TPL2"), settings.templateFor("outage"));
        assertEquals(Optional.of("TPL3"), settings.templateFor("purchase_reminder"));
        assertEquals(Optional.empty(), settings.templateFor("marketing"));
        assertEquals(Optional.empty(), settings.templateFor(null));
        assertEquals(URI.create("https://proxy.example:8443/wx"), settings.baseUrl(), "no trailing slash");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "appId        | ''             | appId is empty",
        "_appSecret   | ''             | .appSecret is empty",
        "_appSecret   | ' s3cret '     | .appSecret has spaces around it",
        "baseUrl      | ftp://api.weixin.qq.com | baseUrl = 'ftp://api.weixin.qq.com' must be an http or https URL without a query",
        "baseUrl      | api.weixin.qq.com       | baseUrl = 'api.weixin.qq.com' must be an http or https URL without a query",
        "baseUrl      | https://a b             | baseUrl = 'https://a b' must be an http or https URL without a query",
        "templates    | bill                    | templates entry 'bill' must be purpose=templateId",
        "templates    | bill=TPL1,outage=       | templates entry 'outage=' must be purpose=templateId",
        "templates    | bill=TPL1,bill=TPL2     | templates names purpose 'bill' twice",
        "maxSendsPerSecond    | 0  | maxSendsPerSecond = 0 must be at least 1",
        "connectTimeoutMillis | 0  | connectTimeoutMillis = 0 must be at least 1",
        "requestTimeoutMillis | -5 | requestTimeoutMillis = -5 must be at least 1",
        "maxPacingWaitMillis  | -1 | maxPacingWaitMillis = -1 must be at least 0",
        "tokenRefreshMarginSeconds | -1 | tokenRefreshMarginSeconds = -1 must be at least 0",
        "busyRetrySeconds     | 0  | busyRetrySeconds = 0 must be at least 1",
        "frequencyLimitRetrySeconds | 0 | frequencyLimitRetrySeconds = 0 must be at least 1",
        "dailyQuotaResetHour  | 24 | dailyQuotaResetHour = 24 must be between 0 and 23",
        "quotaZone    | Mars/Olympus | quotaZone = 'Mars/Olympus' is not a time zone",
    })
    void aConfigurationThatMakesNoSenseIsRefusedNamingTheAttribute(String attribute, String value, String why) {
        Object typed = attribute.endsWith("Millis") || attribute.endsWith("Seconds") || attribute.endsWith("Second")
                || attribute.endsWith("Hour") ? (Object) Integer.valueOf(value) : value;
        // as DS activates it: the component's constructor refuses the configuration
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeChatChannel(config(Map.of(attribute, typed))));
        assertEquals("wechat configuration refused: " + why, e.getMessage());
    }

    @Test
    void theSecretIsNeverPrinted() {
        WeChatSettings settings = WeChatSettings.of(config(Map.of()));
        assertFalse(settings.toString().contains(WeChatStub.APP_SECRET), settings.toString());
        assertTrue(settings.toString().contains("appSecret=***"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeChatSettings.of(config(Map.of("_appSecret", " " + WeChatStub.APP_SECRET))));
        assertFalse(e.getMessage().contains(WeChatStub.APP_SECRET));
    }

    @Test
    void theSecretStaysOffTheServiceRegistry() throws Exception {
        // as bnd wrote them for Declarative Services and Metatype: a dotted property is not published on the service
        String component = resource("OSGI-INF/org.smarthall.channel.wechat.internal.WeChatChannel.xml");
        assertTrue(component.contains("<property name=\".appSecret\""), component);
        assertFalse(component.contains("name=\"appSecret\""), component);
        String metatype = resource("OSGI-INF/metatype/org.smarthall.channel.wechat.internal.WeChatConfig.xml");
        assertTrue(metatype.matches("(?s).*<AD [^>]*id=\"\\.appSecret\"[^>]*type=\"Password\".*"), metatype);
    }

    private static String resource(String path) throws Exception {
        try (var in = WeChatSettingsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, path + " written by bnd");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedCfgFileNamesOnlyAttributesAndWaitsForTheAccount() throws Exception {
        java.util.Properties cfg = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("../../features/src/main/cfg/org.smarthall.channel.wechat.cfg"))) {
            cfg.load(in);
        }
        Map<String, Object> values = new HashMap<>();
        for (String key : cfg.stringPropertyNames()) {
            String attribute = key.startsWith(".") ? "_" + key.substring(1) : key;
            Class<?> type = WeChatConfig.class.getMethod(attribute).getReturnType(); // throws for a stray key
            values.put(attribute, type == int.class ? (Object) Integer.valueOf(cfg.getProperty(key)) : cfg.getProperty(key));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeChatSettings.of(Annotations.of(WeChatConfig.class, values)));
        assertEquals("wechat configuration refused: appId is empty", e.getMessage());
        values.putAll(Map.of("appId", WeChatStub.APP_ID, "_appSecret", WeChatStub.APP_SECRET, "templates", "bill=T1"));
        WeChatSettings filledIn = WeChatSettings.of(Annotations.of(WeChatConfig.class, values));
        assertEquals(WeChatSettings.of(config(Map.of("templates", "bill=T1"))), filledIn, "the file repeats the defaults");
    }
}
