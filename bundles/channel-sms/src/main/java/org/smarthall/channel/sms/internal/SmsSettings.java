package org.smarthall.channel.sms.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The channel's configuration, checked: one that makes no sense is refused with the attribute
 * named (and its value, except the passwords). Meanings are those of {@link KannelConfig}.
 */
public record SmsSettings(URI sendUrl, String username, String password, Optional<String> sender, int maxLength,
        Optional<URI> deliveryReportUrl, int deliveryReportMask, Optional<URI> statusUrl, String statusPassword,
        Duration connectTimeout, Duration requestTimeout, Duration healthTimeout, int maxSendsPerSecond,
        Duration maxPacingWait, Duration temporaryFailureRetry) {

    /** More than 255 parts cannot be numbered in a concatenation header. */
    static final int MOST_CHARACTERS = 255 * 67;

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    public static SmsSettings of(KannelConfig c) {
        int mask = c.deliveryReportMask();
        if (mask < 1 || mask > 31) {
            throw refused("deliveryReportMask = " + mask + " must be between 1 and 31");
        }
        int maxLength = atLeast("maxLength", c.maxLength(), 1);
        if (maxLength > MOST_CHARACTERS) {
            throw refused("maxLength = " + maxLength + " must be at most " + MOST_CHARACTERS + " (255 parts)");
        }
        return new SmsSettings(url("sendUrl", c.sendUrl()).orElseThrow(() -> refused("sendUrl is empty")),
                required("username", c.username()), required(".password", c._password()), optional(c.sender()),
                maxLength, url("deliveryReportUrl", c.deliveryReportUrl()), mask, url("statusUrl", c.statusUrl()),
                c._statusPassword() == null ? "" : c._statusPassword(),
                millis("connectTimeoutMillis", c.connectTimeoutMillis(), 1),
                millis("requestTimeoutMillis", c.requestTimeoutMillis(), 1),
                millis("healthTimeoutMillis", c.healthTimeoutMillis(), 1),
                atLeast("maxSendsPerSecond", c.maxSendsPerSecond(), 1),
                millis("maxPacingWaitMillis", c.maxPacingWaitMillis(), 0),
                Duration.ofSeconds(atLeast("temporaryFailureRetrySeconds", c.temporaryFailureRetrySeconds(), 1)));
    }

    /** Keeps the passwords out of every log line and exception that prints the settings. */
    @Override
    public String toString() {
        return "SmsSettings[sendUrl=" + sendUrl + ", username=" + username + ", password=***, sender=" + sender
                + ", maxLength=" + maxLength + ", deliveryReportUrl=" + deliveryReportUrl + ", statusUrl=" + statusUrl
                + ", maxSendsPerSecond=" + maxSendsPerSecond + "]";
    }

    /** An http(s) URL without a query (the channel adds its own), or empty. */
    private static Optional<URI> url(String name, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(trimmed);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // refused below, naming the attribute
        }
        throw refused(name + " = '" + value + "' must be an http or https URL without a query");
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

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
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

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("sms configuration refused: " + why);
    }
}
