package org.smarthall.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A screen's side of the stream, at the byte level: the response body as it comes off the wire
 * (after HTTP chunking), cut into blocks at the blank line that ends every event, each block
 * checked to be UTF-8. {@link #parse} reads a block the way the W3C event-stream grammar says an
 * EventSource does. Used by the hall screen's and the guidance cabin's stream tests.
 */
public final class EventStreamClient implements AutoCloseable {
    public static final String END = "<end of stream>";

    /** An event as an EventSource sees it; comments and {@code retry:} apart. */
    public record Event(String id, String event, String data, List<String> comments, String retry) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> blocks = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static HttpRequest.Builder request(URI uri, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** The response: status and headers (its body is being read by this client). */
    public HttpResponse<InputStream> response() {
        return response;
    }

    /** Opens a stream; returns when the response headers are in (the server's first write). */
    public static EventStreamClient open(HttpClient http, URI uri, String user, String password, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(uri, user, password);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new EventStreamClient(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** The next block, raw, with its terminating blank line; {@link #END} when the server closed the stream. */
    public String nextBlock(Duration wait) throws InterruptedException {
        String block = blocks.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (block == null) {
            throw new AssertionError("nothing on the stream within " + wait);
        }
        return block;
    }

    /** The next block that is not a heartbeat (a comment only). */
    public String nextEventBlock(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String block = nextBlock(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!block.equals(": keep-alive\n\n")) {
                return block;
            }
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    /** A block read as the W3C grammar says: lines, then "field: value" with one optional space after the colon. */
    public static Event parse(String block) {
        String id = null;
        String event = null;
        String retry = null;
        List<String> data = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (String line : block.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data.add(value);
                case "retry" -> retry = value;
                default -> throw new AssertionError("a field no EventSource knows: " + line);
            }
        }
        return new Event(id, event, data.isEmpty() ? null : String.join("\n", data), comments, retry);
    }

    private void read() {
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                pending.write(chunk, 0, n);
                byte[] bytes = pending.toByteArray();
                int start = 0;
                for (int i = 1; i < bytes.length; i++) {
                    if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
                        blocks.add(utf8(bytes, start, i + 1 - start));
                        start = i + 1;
                    }
                }
                pending.reset();
                pending.write(bytes, start, bytes.length - start);
            }
        } catch (IOException closed) {
            // the test closed it, or the server went away
        }
        blocks.add(END);
    }

    /** Strict: a byte sequence that is not UTF-8 fails the test rather than turning into U+FFFD. */
    private static String utf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return "<not UTF-8: " + e + ">";
        }
    }
}
