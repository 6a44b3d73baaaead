package org.smarthall.channel.apppush.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The channel's configuration, checked: one that makes no sense is refused with the attribute
 * named (and its value, except the API key). Meanings are those of {@link AppPushConfig}.
 */
public record AppPushSettings(URI baseUrl, String apiKey, String defaultTitle, Duration connectTimeout,
        Duration requestTimeout, Duration rateLimitRetry) {

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    public static AppPushSettings of(AppPushConfig c) {
        return new AppPushSettings(baseUrl(c.baseUrl()), apiKey(c._apiKey()), defaultTitle(c.defaultTitle()),
                Duration.ofMillis(atLeast("connectTimeoutMillis", c.connectTimeoutMillis(), 1)),
                Duration.ofMillis(atLeast("requestTimeoutMillis", c.requestTimeoutMillis(), 1)),
                Duration.ofSeconds(atLeast("rateLimitRetrySeconds", c.rateLimitRetrySeconds(), 1)));
    }

    /** Keeps the key out of every log line and exception that prints the settings. */
    @Override
    public String toString() {
        return "AppPushSettings[baseUrl=" + baseUrl + ", apiKey=***, defaultTitle=" + defaultTitle + "]";
    }

    private static URI baseUrl(String value) {
        String trimmed = value == null ? "" : value.strip();
        try {
            URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, naming the attribute
        }
        throw refused("baseUrl = '" + value + "' must be an http or https URL without a query");
    }

    private static String apiKey(String value) {
        if (value == null || value.isBlank()) {
            throw refused(".apiKey is empty");
        }
        // a header value: a space or line break inside would split or corrupt the Authorization header
        if (!value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw refused(".apiKey must be printable ASCII without spaces");
        }
        return value;
    }

    private static String defaultTitle(String value) {
        if (value == null || value.isBlank()) {
            throw refused("defaultTitle is empty");
        }
        return value.strip();
    }

    private static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw refused(name + " = " + value + " must be at least " + min);
        }
        return value;
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("app-push configuration refused: " + why);
    }
}
