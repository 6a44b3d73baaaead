package org.smarthall.channel.hallscreen.internal;

import java.util.concurrent.CompletionStage;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

/**
 * A screen connected through JAX-RS 2.1 server-sent events. The runtime's sink queues each event
 * and writes it on the container's thread, so {@link #send} returns at once, as
 * {@link HallScreens} needs.
 */
final class SseScreen implements Screen {
    /** Comments are for proxies and debuggers; EventSource ignores them. */
    private static final String HEARTBEAT = "keep-alive";

    private final SseEventSink sink;
    private final Sse sse;

    SseScreen(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /**
     * The stream's first bytes: the reconnect delay and a comment naming the hall. Writing them
     * at once sends the response headers, so the screen's EventSource opens now and not with the
     * first message, which may be hours away.
     */
    CompletionStage<?> open(String hall, long retryMillis) {
        return sink.send(sse.newEventBuilder().comment("hall " + hall).reconnectDelay(retryMillis).build());
    }

    @Override
    public CompletionStage<?> send(ScreenEvent event) {
        OutboundSseEvent sseEvent = sse.newEventBuilder()
                .id(event.messageId())
                .name(event.name())
                // as text: the JSON is written already, and a JSON provider would quote it again
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, event.data())
                .build();
        return sink.send(sseEvent);
    }

    @Override
    public CompletionStage<?> heartbeat() {
        return sink.send(sse.newEventBuilder().comment(HEARTBEAT).build());
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        sink.close();
    }
}
