package org.smarthall.channel.apppush.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The three calls of the app gateway's API (docs/app-push-gateway.md), each with the bearer key:
 * {@code POST /v1/pushes} with an {@code Idempotency-Key}, {@code GET /v1/pushes/{pushId}} and
 * {@code GET /v1/health}. Answers of every status come back as a {@link Reply}; only a call
 * without an answer throws.
 */
final class AppPushGateway {

    /**
     * An answer the gateway gave.
     *
     * @param body       the JSON body, {@link MissingNode} when there is none or it is not JSON
     * @param retryAfter the {@code Retry-After} header in seconds, when there is one
     */
    record Reply(int status, JsonNode body, Optional<Duration> retryAfter) {
        String error() {
            return body.path("error").asText("");
        }
    }

    /** No answer from the gateway: connection refused, timeout. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        CallFailed(String detail, boolean timedOut) {
            super(detail, null, false, false);
            this.timedOut = timedOut;
        }

        /** The request may have reached the gateway: what it did with it is unknown. */
        boolean timedOut() {
            return timedOut;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final AppPushSettings settings;

    AppPushGateway(AppPushSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    /** {@code POST /v1/pushes}; the gateway de-duplicates by {@code idempotencyKey}. */
    Reply push(String idempotencyKey, ObjectNode push) throws CallFailed, InterruptedException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(push);
        } catch (JacksonException e) {
            throw new CallFailed("push not writable as JSON: " + e.getOriginalMessage(), false);
        }
        return call(request("/v1/pushes")
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "push");
    }

    /** {@code GET /v1/pushes/{pushId}}: the delivery receipt. */
    Reply receipt(String pushId) throws CallFailed, InterruptedException {
        String segment = URLEncoder.encode(pushId, StandardCharsets.UTF_8).replace("+", "%20");
        return call(request("/v1/pushes/" + segment).GET(), "receipt");
    }

    /** {@code GET /v1/health}. */
    Reply health() throws CallFailed, InterruptedException {
        return call(request("/v1/health").GET(), "health");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", "application/json")
                .timeout(settings.requestTimeout());
    }

    private Reply call(HttpRequest.Builder request, String what) throws CallFailed, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CallFailed(what + ": no answer within the timeout (" + e.getClass().getSimpleName() + ")", true);
        } catch (IOException e) {
            throw new CallFailed(what + ": " + e.getClass().getSimpleName(), false);
        }
        JsonNode body;
        try {
            body = response.body().length == 0 ? MissingNode.getInstance() : json.readTree(response.body());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new Reply(response.statusCode(), body == null ? MissingNode.getInstance() : body,
                response.headers().firstValue("Retry-After").flatMap(AppPushGateway::seconds));
    }

    /** {@code Retry-After} as the gateway sends it: whole seconds (an HTTP date is not used). */
    private static Optional<Duration> seconds(String header) {
        String value = header.strip();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
}
