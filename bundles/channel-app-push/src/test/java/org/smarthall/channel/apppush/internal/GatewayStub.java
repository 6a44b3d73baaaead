package org.smarthall.channel.apppush.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The app gateway of docs/app-push-gateway.md on a free local port: {@code POST /v1/pushes}
 * checks the bearer key (401), the body (400 invalid_request), the user (404 unknown_user, 410
 * push_disabled) and de-duplicates by {@code Idempotency-Key} (202 the first time, 200 with the
 * same pushId after); {@code GET /v1/pushes/{pushId}} answers the receipt, {@code GET /v1/health}
 * the gateway's status. Tests script the next answers, slow answers down and count calls.
 */
final class GatewayStub implements AutoCloseable {
    /** Made at test time: no key, even a test one, is committed. */
    static final String API_KEY = "test_" + java.util.UUID.randomUUID().toString().replace("-", "");

    /** One canned answer: HTTP status, body, Retry-After header (or null), and a wait before answering. */
    record Answer(int status, String body, String retryAfter, Duration delay) {
        static Answer of(int status, String body) {
            return new Answer(status, body, null, Duration.ZERO);
        }

        Answer retryAfter(String seconds) {
            return new Answer(status, body, seconds, delay);
        }

        Answer after(Duration wait) {
            return new Answer(status, body, retryAfter, wait);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger pushCalls = new AtomicInteger();
    final AtomicInteger receiptCalls = new AtomicInteger();
    final AtomicInteger healthCalls = new AtomicInteger();
    /** Pushes queued for the app: a de-duplicated repeat is not queued again. */
    final List<JsonNode> delivered = Collections.synchronizedList(new ArrayList<>());
    /** The Idempotency-Key of every push call, in order. */
    final List<String> idempotencyKeys = Collections.synchronizedList(new ArrayList<>());
    /** The Authorization header of the last call. */
    volatile String lastAuthorization;
    final Set<String> unknownUsers = ConcurrentHashMap.newKeySet();
    final Set<String> disabledUsers = ConcurrentHashMap.newKeySet();
    /** Receipt status by pushId: "queued" when accepted, tests move it on. */
    final Map<String, String> receipts = new ConcurrentHashMap<>();
    volatile String healthStatus = "up";

    private final ConcurrentLinkedDeque<Answer> pushScript = new ConcurrentLinkedDeque<>();
    private final Map<String, String> pushIdByKey = new ConcurrentHashMap<>();
    private final AtomicInteger nextPushId = new AtomicInteger(1);
    private final AtomicInteger slowAnswers = new AtomicInteger();
    private volatile Duration slowBy = Duration.ZERO;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    GatewayStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/pushes", this::pushes);
        server.createContext("/v1/health", this::health);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next push calls answer these, in order, whatever the request (nothing is queued). */
    void scriptPush(Answer... answers) {
        pushScript.addAll(List.of(answers));
    }

    /** The next {@code count} push calls are handled as usual, but answered only after {@code by}. */
    void answerSlowly(int count, Duration by) {
        slowBy = by;
        slowAnswers.set(count);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void pushes(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        if (!authorized(exchange)) {
            answer(exchange, Answer.of(401, "{\"error\":\"unauthorized\"}"));
        } else if ("/v1/pushes".equals(path) && "POST".equals(exchange.getRequestMethod())) {
            pushCalls.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            idempotencyKeys.add(key);
            Answer scripted = pushScript.poll();
            Answer answer = scripted != null ? scripted : push(key, raw);
            answer(exchange, slowAnswers.getAndDecrement() > 0 ? answer.after(slowBy) : answer);
        } else if (path.startsWith("/v1/pushes/") && "GET".equals(exchange.getRequestMethod())) {
            receiptCalls.incrementAndGet();
            String pushId = path.substring("/v1/pushes/".length());
            String status = receipts.get(pushId);
            answer(exchange, status == null ? Answer.of(404, "{\"error\":\"unknown_push\"}")
                    : Answer.of(200, "{\"pushId\":\"" + pushId + "\",\"status\":\"" + status + "\""
                            + ("failed".equals(status) ? ",\"detail\":\"app uninstalled\"" : "") + "}"));
        } else {
            answer(exchange, Answer.of(405, "{\"error\":\"method_not_allowed\"}"));
        }
    }

    private Answer push(String key, byte[] raw) {
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            return invalid("body is not JSON");
        }
        if (body == null || !body.isObject()) {
            return invalid("body is not a JSON object");
        }
        String messageId = body.path("messageId").asText("");
        if (key == null || key.isBlank() || !key.equals(messageId)) {
            return invalid("Idempotency-Key must be the messageId");
        }
        String seen = pushIdByKey.get(key);
        if (seen != null) {
            return Answer.of(200, "{\"pushId\":\"" + seen + "\",\"status\":\"queued\"}");
        }
        String userId = body.path("userId").asText("");
        if (userId.isEmpty()) {
            return invalid("userId is required");
        }
        if (!body.path("title").isTextual() || body.path("title").asText().isBlank()) {
            return invalid("title is required");
        }
        if (!body.path("body").isTextual() && !body.path("template").isTextual()) {
            return invalid("body or template is required");
        }
        if (body.path("body").asText("").length() > AppPushChannel.MAX_BODY_LENGTH) {
            return invalid("body longer than 500 characters");
        }
        if (!body.path("data").isObject() || !body.path("urgent").isBoolean() || !body.has("purpose")) {
            return invalid("data must be an object, urgent a boolean, purpose present");
        }
        if (unknownUsers.contains(userId)) {
            return Answer.of(404, "{\"error\":\"unknown_user\"}");
        }
        if (disabledUsers.contains(userId)) {
            return Answer.of(410, "{\"error\":\"push_disabled\"}");
        }
        boolean[] fresh = {false};
        String pushId = pushIdByKey.computeIfAbsent(key, k -> {
            fresh[0] = true;
            return "p_" + nextPushId.getAndIncrement();
        });
        if (!fresh[0]) {
            return Answer.of(200, "{\"pushId\":\"" + pushId + "\",\"status\":\"queued\"}");
        }
        delivered.add(body);
        receipts.put(pushId, "queued");
        return Answer.of(202, "{\"pushId\":\"" + pushId + "\",\"status\":\"queued\"}");
    }

    private void health(HttpExchange exchange) throws IOException {
        healthCalls.incrementAndGet();
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        answer(exchange, authorized(exchange) ? Answer.of(200, "{\"status\":\"" + healthStatus + "\"}")
                : Answer.of(401, "{\"error\":\"unauthorized\"}"));
    }

    private static boolean authorized(HttpExchange exchange) {
        return ("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static Answer invalid(String detail) {
        return Answer.of(400, "{\"error\":\"invalid_request\",\"detail\":\"" + detail + "\"}");
    }

    private void answer(HttpExchange exchange, Answer answer) {
        try (exchange) {
            if (!answer.delay().isZero()) {
                try {
                    closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer to
        }
    }
}
