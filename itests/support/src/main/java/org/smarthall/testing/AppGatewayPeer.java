package org.smarthall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The utility's app push gateway as documented in {@code docs/app-push-gateway.md}, on a free
 * local port, as the peer that counts what reached the app: {@code POST /v1/pushes} queues a push
 * once per {@code Idempotency-Key} (202; a repeat answers 200 with the first pushId and queues
 * nothing), {@code GET /v1/pushes/{pushId}} answers the receipt, {@code GET /v1/health} the status.
 *
 * <p>It can be made unreliable the ways a real gateway is: a share of push calls fail before
 * anything is queued (503), and a share fail after the push was queued (the answer is lost: 503
 * or the connection dropped), which is where a client that retries without the key would push
 * twice. The bearer key is made at construction, never committed.
 */
public final class AppGatewayPeer implements AutoCloseable {
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]+)\"");

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<String, String> pushIdByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queuedByMessage = new ConcurrentHashMap<>();
    private final Map<String, String> receipts = new ConcurrentHashMap<>();
    private final AtomicLong pushCalls = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong failedBefore = new AtomicLong();
    private final AtomicLong failedAfter = new AtomicLong();
    private final AtomicInteger nextPushId = new AtomicInteger(1);
    private final Random random;
    private volatile double failBefore;
    private volatile double failAfter;
    private volatile boolean deliverOnReceipt;

    public AppGatewayPeer() throws IOException {
        this(new Random().nextLong());
    }

    /** @param seed makes the failures repeatable */
    public AppGatewayPeer(long seed) throws IOException {
        byte[] key = new byte[18];
        new SecureRandom().nextBytes(key);
        apiKey = "test_" + HexFormat.of().formatHex(key);
        random = new Random(seed);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/v1/pushes", this::pushes);
        server.createContext("/v1/health", this::health);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * Fails this share of push calls before queuing (503) and this share after queuing (answer lost).
     */
    public AppGatewayPeer failing(double before, double after) {
        this.failBefore = before;
        this.failAfter = after;
        return this;
    }

    /** Receipts answer {@code delivered} rather than {@code queued}. */
    public AppGatewayPeer deliverOnReceipt(boolean deliver) {
        this.deliverOnReceipt = deliver;
        return this;
    }

    /** How many times the push of each message id was queued for the app: exactly once is right. */
    public Map<String, Integer> queued() {
        Map<String, Integer> out = new java.util.HashMap<>();
        queuedByMessage.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Pushes queued for the app, counting any duplicate. */
    public long queuedTotal() {
        return queuedByMessage.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    public long pushCalls() {
        return pushCalls.get();
    }

    /** Calls answered 200 because their key was seen: retries the gateway de-duplicated. */
    public long repeats() {
        return repeats.get();
    }

    public long failedBefore() {
        return failedBefore.get();
    }

    public long failedAfter() {
        return failedAfter.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void pushes(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("/v1/pushes".equals(path) && "POST".equals(exchange.getRequestMethod())) {
            push(exchange, new String(raw, StandardCharsets.UTF_8));
        } else if (path.startsWith("/v1/pushes/") && "GET".equals(exchange.getRequestMethod())) {
            String pushId = path.substring("/v1/pushes/".length());
            String status = receipts.get(pushId);
            if (status == null) {
                answer(exchange, 404, "{\"error\":\"unknown_push\"}");
            } else {
                if (deliverOnReceipt) {
                    receipts.put(pushId, "delivered");
                    status = "delivered";
                }
                answer(exchange, 200, "{\"pushId\":\"" + pushId + "\",\"status\":\"" + status + "\"}");
            }
        } else {
            answer(exchange, 405, "{\"error\":\"method_not_allowed\"}");
        }
    }

    private void push(HttpExchange exchange, String body) throws IOException {
        pushCalls.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Matcher message = MESSAGE_ID.matcher(body);
        Matcher user = USER_ID.matcher(body);
        if (key == null || !message.find() || !key.equals(message.group(1)) || !user.find()) {
            answer(exchange, 400, "{\"error\":\"invalid_request\",\"detail\":\"Idempotency-Key must be the messageId; userId is required\"}");
            return;
        }
        double dice;
        synchronized (random) {
            dice = random.nextDouble();
        }
        if (dice < failBefore) {
            failedBefore.incrementAndGet();
            answer(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        String seen = pushIdByKey.get(key);
        if (seen != null) {
            repeats.incrementAndGet();
            answer(exchange, 200, "{\"pushId\":\"" + seen + "\",\"status\":\"queued\"}");
            return;
        }
        boolean[] fresh = {false};
        String pushId = pushIdByKey.computeIfAbsent(key, k -> {
            fresh[0] = true;
            return "p_" + nextPushId.getAndIncrement();
        });
        if (fresh[0]) {
            queuedByMessage.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            receipts.put(pushId, "queued");
        } else {
            repeats.incrementAndGet();
        }
        if (dice < failBefore + failAfter) {
            failedAfter.incrementAndGet();
            if (dice < failBefore + failAfter / 2) {
                answer(exchange, 503, "{\"error\":\"unavailable\"}");
            } else {
                exchange.close(); // the connection drops: the client never hears of the queued push
            }
            return;
        }
        answer(exchange, fresh[0] ? 202 : 200, "{\"pushId\":\"" + pushId + "\",\"status\":\"queued\"}");
    }

    private void health(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        answer(exchange, ("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401,
                "{\"status\":\"up\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
