package org.smarthall.channel.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.testing.Annotations;

class SmsSettingsTest {
    private static final Map<String, Object> GATEWAY = Map.of("username", "smarthall", "_password", "pw-secret");

    private static KannelConfig config(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(GATEWAY);
        values.putAll(overrides);
        return Annotations.of(KannelConfig.class, values);
    }

    private static String refusal(Map<String, Object> overrides) {
        return assertThrows(IllegalArgumentException.class, () -> SmsSettings.of(config(overrides))).getMessage();
    }

    @Test
    void aUserAndPasswordAreAllTheDefaultsNeed() {
        SmsSettings settings = SmsSettings.of(config(Map.of()));
        assertEquals(URI.create("http://127.0.0.1:13013/cgi-bin/sendsms"), settings.sendUrl());
        assertEquals(335, settings.maxLength());
        assertEquals(Optional.empty(), settings.deliveryReportUrl());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:13000/status")), settings.statusUrl());
        assertEquals(10, settings.maxSendsPerSecond());
        assertEquals(Duration.ofSeconds(30), settings.temporaryFailureRetry());
        assertEquals(new ChannelCapabilities(335, false, false, false),
                new SmsChannel(config(Map.of())).capabilities());
    }

    @Test
    void aRefusalNamesTheAttribute() {
        assertEquals("sms configuration refused: username is empty", refusal(Map.of("username", "")));
        assertEquals("sms configuration refused: .password is empty", refusal(Map.of("_password", " ")));
        assertTrue(refusal(Map.of("sendUrl", "ftp://kannel/")).startsWith("sms configuration refused: sendUrl = "));
        assertTrue(refusal(Map.of("statusUrl", "http://k:13000/status?password=x")).contains("statusUrl"));
        assertTrue(refusal(Map.of("maxLength", 0)).contains("maxLength = 0"));
        assertTrue(refusal(Map.of("deliveryReportMask", 32)).contains("deliveryReportMask = 32"));
        assertTrue(refusal(Map.of("maxSendsPerSecond", 0)).contains("maxSendsPerSecond"));
    }

    @Test
    void thePasswordsStayOutOfPrintedSettingsAndRefusals() {
        SmsSettings settings = SmsSettings.of(config(Map.of("_statusPassword", "status-secret")));
        assertFalse(settings.toString().contains("pw-secret") || settings.toString().contains("status-secret"));
        assertFalse(refusal(Map.of("_password", " pw-secret ")).contains("pw-secret"));
    }

    @Test
    void numbersAreMaskedAndPartsCounted() {
        assertEquals("138****5678", PhoneNumbers.mask("13812345678"));
        assertEquals("+86****5678", PhoneNumbers.mask("+8613812345678"));
        assertEquals("***98", PhoneNumbers.mask("95598"));
        assertTrue(PhoneNumbers.valid("+8613812345678"));
        assertFalse(PhoneNumbers.valid("138 1234 5678"));
        assertEquals(1, SmsChannel.parts(70));
        assertEquals(2, SmsChannel.parts(71));
        assertEquals(5, SmsChannel.parts(335));
        assertEquals(6, SmsChannel.parts(336));
    }
}
