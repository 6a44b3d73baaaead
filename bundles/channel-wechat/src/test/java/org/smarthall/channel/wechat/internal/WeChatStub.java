package org.smarthall.channel.wechat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WeChat official-account API on a free local port, speaking its wire format: {@code GET
 * /cgi-bin/token} grants {@code {"access_token","expires_in"}} or answers {@code errcode} 40013 /
 * 40125; {@code POST /cgi-bin/message/template/send?access_token=} checks the token (40001
 * invalid, 42001 expired), the body (40003 openid, 40037 template, 47001 not JSON, 47003
 * argument), the recipient (43101 refused) and drops a repeat of {@code touser} +
 * {@code client_msg_id}, answering {@code {"errcode":0,"errmsg":"ok","msgid":N}}.
 * Tests script the next answers, hook into calls and count them.
 */
final class WeChatStub implements AutoCloseable {
    static final String APP_ID = "wx5f1c9a0b7e3d2c41";
    /** Made at test time: no secret, even a test one, is committed. */
    static final String APP_SECRET = java.util.UUID.randomUUID().toString().replace("-", "");
    static final String TEMPLATE_BILL = "TPL-bill-kX3v";
    static final String TEMPLATE_OUTAGE = "TPL-outage-9QmZ";

    /** One canned answer: HTTP status, body, and a wait before answering. */
    record Answer(int status, String body, Duration delay) {
        static Answer error(int errcode, String errmsg) {
            return new Answer(200, "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + " rid: 6567a0c1-0d1e2f3a\"}",
                    Duration.ZERO);
        }

        static Answer raw(int status, String body) {
            return new Answer(status, body, Duration.ZERO);
        }

        Answer after(Duration wait) {
            return new Answer(status, body, wait);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger sendCalls = new AtomicInteger();
    /** Bodies of the template messages delivered (a deduplicated repeat is not delivered again). */
    final List<JsonNode> delivered = Collections.synchronizedList(new ArrayList<>());
    final Set<String> refusingOpenids = ConcurrentHashMap.newKeySet();
    final Set<String> unknownOpenids = ConcurrentHashMap.newKeySet();
    final Set<String> templates = ConcurrentHashMap.newKeySet();
    volatile int expiresIn = 7200;
    volatile Runnable onTokenCall = () -> { };
    volatile Consumer<JsonNode> onSend = body -> { };

    private final ConcurrentLinkedDeque<Answer> tokenScript = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Answer> sendScript = new ConcurrentLinkedDeque<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> sentByClientMsgId = new ConcurrentHashMap<>();
    private final AtomicInteger slowAnswers = new AtomicInteger();
    private volatile Duration slowBy = Duration.ZERO;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicLong nextMsgid = new AtomicLong(3_147_483_648L); // past int range, as real msgids are
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    WeChatStub() throws IOException {
        templates.add(TEMPLATE_BILL);
        templates.add(TEMPLATE_OUTAGE);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/message/template/send", this::send);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next token calls answer these, in order. */
    void scriptToken(Answer... answers) {
        tokenScript.addAll(List.of(answers));
    }

    /** The next template sends answer these, in order, whatever the token and body. */
    void scriptSend(Answer... answers) {
        sendScript.addAll(List.of(answers));
    }

    /** The next {@code count} template sends are handled, but answered only after {@code by}. */
    void answerSlowly(int count, Duration by) {
        slowBy = by;
        slowAnswers.set(count);
    }

    /** WeChat expired every token it granted: sends with them get 42001. */
    void expireTokens() {
        expiredTokens.addAll(validTokens);
        validTokens.clear();
    }

    /** Stops answering; a call under way returns at once. */
    void stop() {
        if (stopped.compareAndSet(false, true)) {
            closing.countDown();
            server.stop(0);
        }
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenCalls.incrementAndGet();
        onTokenCall.run();
        Map<String, String> query = query(exchange);
        Answer scripted = tokenScript.poll();
        if (scripted != null) {
            answer(exchange, scripted);
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            answer(exchange, Answer.error(43001, "require GET method"));
        } else if (!"client_credential".equals(query.get("grant_type"))) {
            answer(exchange, Answer.error(40002, "invalid grant_type"));
        } else if (!APP_ID.equals(query.get("appid"))) {
            answer(exchange, Answer.error(40013, "invalid appid"));
        } else if (!APP_SECRET.equals(query.get("secret"))) {
            answer(exchange, Answer.error(40125, "invalid appsecret"));
        } else {
            String token = "ACCESS_TOKEN-" + tokensIssued.incrementAndGet() + "-Zp0aQkWl3X";
            validTokens.add(token);
            answer(exchange, Answer.raw(200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}"));
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        sendCalls.incrementAndGet();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        onSend.accept(body);
        Answer scripted = sendScript.poll();
        String token = query(exchange).get("access_token");
        if (scripted != null) {
            answer(exchange, scripted);
        } else if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, Answer.error(43002, "require POST method"));
        } else if (token == null || token.isEmpty()) {
            answer(exchange, Answer.error(41001, "access_token missing"));
        } else if (expiredTokens.contains(token)) {
            answer(exchange, Answer.error(42001, "access_token expired"));
        } else if (!validTokens.contains(token)) {
            answer(exchange, Answer.error(40001, "invalid credential, access_token is invalid or not latest"));
        } else if (body == null || !body.isObject()) {
            answer(exchange, Answer.error(47001, "data format error"));
        } else {
            Answer answer = templateSend((ObjectNode) body);
            answer(exchange, slowAnswers.getAndDecrement() > 0 ? answer.after(slowBy) : answer);
        }
    }

    private Answer templateSend(ObjectNode body) {
        String touser = body.path("touser").asText("");
        if (touser.isEmpty() || unknownOpenids.contains(touser)) {
            return Answer.error(40003, "invalid openid");
        }
        if (!templates.contains(body.path("template_id").asText(""))) {
            return Answer.error(40037, "invalid template_id");
        }
        JsonNode data = body.path("data");
        if (!data.isObject()) {
            return Answer.error(47003, "argument invalid! data is empty");
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
            if (!field.getValue().path("value").isTextual()) {
                return Answer.error(47003, "argument invalid! data." + field.getKey() + ".value is empty");
            }
        }
        if (refusingOpenids.contains(touser)) {
            return Answer.error(43101, "user refuse to accept the msg");
        }
        String clientMsgId = body.path("client_msg_id").asText("");
        long msgid;
        if (clientMsgId.isEmpty()) {
            msgid = nextMsgid.getAndIncrement();
            delivered.add(body);
        } else {
            boolean[] fresh = {false};
            msgid = sentByClientMsgId.computeIfAbsent(touser + "\n" + clientMsgId, k -> {
                fresh[0] = true;
                return nextMsgid.getAndIncrement();
            });
            if (fresh[0]) {
                delivered.add(body);
            }
        }
        return Answer.raw(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgid + "}");
    }

    private void answer(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            if (!answer.delay().isZero()) {
                try {
                    closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer to
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
