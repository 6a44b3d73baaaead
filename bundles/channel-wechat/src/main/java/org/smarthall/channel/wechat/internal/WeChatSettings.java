package org.smarthall.channel.wechat.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The channel's configuration, checked: one that makes no sense is refused with the attribute
 * named (and its value, except the secret). Meanings are those of {@link WeChatConfig}.
 */
public record WeChatSettings(URI baseUrl, String appId, String appSecret, Map<String, String> templates,
        Duration connectTimeout, Duration requestTimeout, int maxSendsPerSecond, Duration maxPacingWait,
        Duration tokenRefreshMargin, Duration tokenFailureHold, Duration busyRetry, Duration frequencyLimitRetry,
        int dailyQuotaResetHour, ZoneId quotaZone) {

    public WeChatSettings {
        templates = Map.copyOf(templates);
    }

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    public static WeChatSettings of(WeChatConfig c) {
        return new WeChatSettings(baseUrl(c.baseUrl()), required("appId", c.appId()),
                required(".appSecret", c._appSecret()), templates(c.templates()),
                millis("connectTimeoutMillis", c.connectTimeoutMillis(), 1),
                millis("requestTimeoutMillis", c.requestTimeoutMillis(), 1),
                atLeast("maxSendsPerSecond", c.maxSendsPerSecond(), 1),
                millis("maxPacingWaitMillis", c.maxPacingWaitMillis(), 0),
                seconds("tokenRefreshMarginSeconds", c.tokenRefreshMarginSeconds(), 0),
                seconds("tokenFailureHoldSeconds", c.tokenFailureHoldSeconds(), 0),
                seconds("busyRetrySeconds", c.busyRetrySeconds(), 1),
                seconds("frequencyLimitRetrySeconds", c.frequencyLimitRetrySeconds(), 1),
                hour(c.dailyQuotaResetHour()), zone(c.quotaZone()));
    }

    /** The template for a purpose, if one is configured. */
    public Optional<String> templateFor(String purpose) {
        return Optional.ofNullable(purpose == null ? null : templates.get(purpose));
    }

    /** Keeps the secret out of every log line and exception that prints the settings. */
    @Override
    public String toString() {
        return "WeChatSettings[baseUrl=" + baseUrl + ", appId=" + appId + ", appSecret=***, templates=" + templates
                + ", maxSendsPerSecond=" + maxSendsPerSecond + "]";
    }

    private static URI baseUrl(String value) {
        String trimmed = value == null ? "" : value.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, naming the attribute
        }
        throw refused("baseUrl = '" + value + "' must be an http or https URL without a query");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw refused(name + " is empty");
        }
        if (!value.equals(value.strip())) {
            throw refused(name + " has spaces around it");
        }
        return value;
    }

    /** {@code bill=TPL1,outage=TPL2}: purposes unique, ids non-empty. */
    private static Map<String, String> templates(String value) {
        Map<String, String> byPurpose = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return byPurpose;
        }
        for (String entry : value.split(",")) {
            String[] pair = entry.split("=", -1);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw refused("templates entry '" + entry.strip() + "' must be purpose=templateId");
            }
            if (byPurpose.put(pair[0].strip(), pair[1].strip()) != null) {
                throw refused("templates names purpose '" + pair[0].strip() + "' twice");
            }
        }
        return byPurpose;
    }

    private static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw refused(name + " = " + value + " must be at least " + min);
        }
        return value;
    }

    private static Duration millis(String name, int value, int min) {
        return Duration.ofMillis(atLeast(name, value, min));
    }

    private static Duration seconds(String name, int value, int min) {
        return Duration.ofSeconds(atLeast(name, value, min));
    }

    private static int hour(int value) {
        if (value < 0 || value > 23) {
            throw refused("dailyQuotaResetHour = " + value + " must be between 0 and 23");
        }
        return value;
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value == null ? "" : value.strip());
        } catch (DateTimeException e) {
            throw refused("quotaZone = '" + value + "' is not a time zone");
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("wechat configuration refused: " + why);
    }
}
