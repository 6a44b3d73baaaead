package org.smarthall.channel.wechat.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two calls of WeChat's official-account API the channel needs, on the wire as WeChat
 * documents them: {@code GET /cgi-bin/token} and {@code POST /cgi-bin/message/template/send}.
 * Every answer is JSON with {@code errcode} and {@code errmsg} (absent on a token grant).
 *
 * <p>Both the AppSecret and the access token travel in query strings, so no URL is ever put in a
 * log line or a failure detail.
 */
final class WeChatApi {

    /** An answer WeChat gave: {@code errcode} 0 (or absent) is success. */
    record Reply(int errcode, String errmsg, JsonNode body) {
        boolean ok() {
            return errcode == 0;
        }
    }

    /** No answer from WeChat that can be read: connection, timeout, HTTP status, not JSON. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        CallFailed(String detail, boolean timedOut) {
            super(detail, null, false, false);
            this.timedOut = timedOut;
        }

        /** The request may have reached WeChat: what it did with it is unknown. */
        boolean timedOut() {
            return timedOut;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final WeChatSettings settings;

    WeChatApi(WeChatSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    /** {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..}. */
    Reply fetchToken() throws CallFailed, InterruptedException {
        URI uri = URI.create(settings.baseUrl() + "/cgi-bin/token?grant_type=client_credential&appid="
                + encode(settings.appId()) + "&secret=" + encode(settings.appSecret()));
        return call(HttpRequest.newBuilder(uri).GET(), "token");
    }

    /** {@code POST /cgi-bin/message/template/send?access_token=..} with the message as JSON. */
    Reply sendTemplate(String accessToken, ObjectNode message) throws CallFailed, InterruptedException {
        URI uri = URI.create(settings.baseUrl() + "/cgi-bin/message/template/send?access_token=" + encode(accessToken));
        byte[] body;
        try {
            body = json.writeValueAsBytes(message);
        } catch (JacksonException e) {
            throw new CallFailed("message not writable as JSON: " + e.getOriginalMessage(), false);
        }
        return call(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "template/send");
    }

    private Reply call(HttpRequest.Builder request, String what) throws CallFailed, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(settings.requestTimeout()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CallFailed(what + ": no answer within the timeout (" + e.getClass().getSimpleName() + ")", true);
        } catch (IOException e) {
            // the exception's message may hold the URL, and with it a secret: only its kind is kept
            throw new CallFailed(what + ": " + e.getClass().getSimpleName(), false);
        }
        if (response.statusCode() != 200) {
            throw new CallFailed(what + ": HTTP " + response.statusCode(), false);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new CallFailed(what + ": answer is not JSON", false);
        }
        if (body == null || !body.isObject()) {
            throw new CallFailed(what + ": answer is not a JSON object", false);
        }
        JsonNode errcode = body.path("errcode");
        if (!errcode.isMissingNode() && !errcode.isInt()) {
            throw new CallFailed(what + ": errcode is not a number", false);
        }
        return new Reply(errcode.asInt(0), body.path("errmsg").asText(""), body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
