package org.smarthall.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarthall.testing.Annotations;

/** The outbox configuration: a value that makes no sense is refused naming the attribute. */
class NotifySettingsTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static NotifySettings of(Map<String, Object> values) {
        return NotifySettings.of(Annotations.of(NotifyConfig.class, values));
    }

    @Test
    void theDefaultsAreReadAsDocumented() {
        NotifySettings s = of(Map.of());
        assertEquals(List.of("wechat", "app-push", "sms", "email"), s.fallbackOrder());
        assertEquals("app-push", s.channelOfTag("app"));
        assertEquals("wechat", s.channelOfTag("wechat"));
        assertNull(s.channelOfTag("hall"), "a hall visit is no channel to send on");
        assertEquals(50.0, s.rateLimits().get("sms"));
        assertTrue(s.optInPurposes().contains("marketing"));
        assertTrue(s.urgentPurposes().contains("outage"));
    }

    @Test
    void everyNonsenseValueIsRefusedNamingItsAttribute() {
        Map<String, Object> bad = Map.of("fallbackOrder", "wechat, SMS!", "tagChannels", "pigeon:sms",
                "optInPurposes", "spam", "quietHours", "late", "rateLimits", "sms:fast", "threads", 0,
                "leaseSeconds", 1, "backoffSeconds", -1);
        for (Map.Entry<String, Object> e : bad.entrySet()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> of(Map.of(e.getKey(), e.getValue())), e.getKey());
            assertTrue(refused.getMessage().startsWith(e.getKey() + ":"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> of(Map.of("quietHours", "08:00-08:00")));
    }

    @Test
    void quietHoursAcrossMidnightEndNextMorningAndNoneMeansNever() {
        NotifySettings.QuietHours q = NotifySettings.QuietHours.parse("21:00-08:00");
        Instant evening = ZonedDateTime.of(2026, 11, 23, 21, 0, 0, 0, CHINA).toInstant();
        Instant earlyMorning = ZonedDateTime.of(2026, 11, 24, 7, 59, 0, 0, CHINA).toInstant();
        Instant morning = ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, CHINA).toInstant();
        Instant end = ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, CHINA).toInstant();
        assertEquals(end, q.endIfQuiet(evening));
        assertEquals(end, q.endIfQuiet(earlyMorning));
        assertNull(q.endIfQuiet(morning));
        NotifySettings.QuietHours lunch = NotifySettings.QuietHours.parse("12:00-13:30");
        assertEquals(ZonedDateTime.of(2026, 11, 24, 13, 30, 0, 0, CHINA).toInstant(),
                lunch.endIfQuiet(ZonedDateTime.of(2026, 11, 24, 12, 10, 0, 0, CHINA).toInstant()));
        assertNull(NotifySettings.QuietHours.parse("").endIfQuiet(evening));
    }
}
