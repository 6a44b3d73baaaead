package org.smarthall.channel.sms.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two pages of Kannel the channel uses: smsbox's {@code GET /cgi-bin/sendsms} and
 * bearerbox's {@code GET /status}. Both take a password in the query string, and sendsms the
 * phone number too, so no URL is ever put in a log line or a failure detail.
 */
final class KannelApi {

    /** What smsbox answered: its HTTP status and its one line of text. */
    record Answer(int status, String text, Optional<Duration> retryAfter) {
    }

    /** No answer from Kannel: connection refused, timeout, I/O failure. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        CallFailed(String detail, boolean timedOut) {
            super(detail, null, false, false);
            this.timedOut = timedOut;
        }

        /** The request may have reached Kannel: whether it queued the SMS is unknown. */
        boolean timedOut() {
            return timedOut;
        }
    }

    private final HttpClient http;
    private final SmsSettings settings;

    KannelApi(SmsSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Asks smsbox to send one text as UCS-2 ({@code coding=2}, given in UTF-8). */
    Answer sendsms(String to, String text, String messageId) throws CallFailed, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("username", settings.username());
        query.put("password", settings.password());
        settings.sender().ifPresent(from -> query.put("from", from));
        query.put("to", to);
        query.put("text", text);
        query.put("charset", "UTF-8");
        query.put("coding", "2");
        settings.deliveryReportUrl().ifPresent(url -> {
            query.put("dlr-mask", String.valueOf(settings.deliveryReportMask()));
            query.put("dlr-url", deliveryReportUrl(url, messageId));
        });
        HttpResponse<String> response = get(with(settings.sendUrl(), query), settings.requestTimeout(), "smsbox");
        return new Answer(response.statusCode(), response.body().strip(),
                response.headers().firstValue("Retry-After").flatMap(KannelApi::seconds));
    }

    /** bearerbox's status page as text, with its HTTP status. */
    Answer status(URI statusUrl) throws CallFailed, InterruptedException {
        Map<String, String> query = settings.statusPassword().isEmpty() ? Map.of()
                : Map.of("password", settings.statusPassword());
        HttpResponse<String> response = get(with(statusUrl, query), settings.healthTimeout(), "bearerbox status page");
        return new Answer(response.statusCode(), response.body(), Optional.empty());
    }

    /** Any HTTP answer from smsbox's send interface, asked without a query. */
    Answer ping() throws CallFailed, InterruptedException {
        HttpResponse<String> response = get(settings.sendUrl(), settings.healthTimeout(), "smsbox");
        return new Answer(response.statusCode(), response.body().strip(), Optional.empty());
    }

    /**
     * The URL Kannel calls with a delivery report: the outbox message id names the message,
     * Kannel puts the report type where {@code %d} stands.
     */
    static String deliveryReportUrl(URI base, String messageId) {
        return base + "?id=" + URLEncoder.encode(messageId, StandardCharsets.UTF_8) + "&status=%d";
    }

    private HttpResponse<String> get(URI uri, Duration timeout, String what) throws CallFailed, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new CallFailed(what + " did not answer within " + timeout.toMillis() + " ms", true);
        } catch (IOException e) {
            // the message names the host and port at most, never the query
            throw new CallFailed(what + " unreachable: " + e.getClass().getSimpleName(), false);
        }
    }

    private static URI with(URI base, Map<String, String> query) {
        if (query.isEmpty()) {
            return base;
        }
        return URI.create(base + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long s = Long.parseLong(value.strip());
            return s > 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
