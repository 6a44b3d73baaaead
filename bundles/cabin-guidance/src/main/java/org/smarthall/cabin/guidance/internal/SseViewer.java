package org.smarthall.cabin.guidance.internal;

import java.util.concurrent.CompletionStage;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

/** A guidance screen connected through JAX-RS 2.1 server-sent events (the hall-screen channel's pattern). */
final class SseViewer implements Viewer {
    private static final String HEARTBEAT = "keep-alive";

    private final SseEventSink sink;
    private final Sse sse;
    private final boolean staff;

    SseViewer(SseEventSink sink, Sse sse, boolean staff) {
        this.sink = sink;
        this.sse = sse;
        this.staff = staff;
    }

    /** The first bytes: they send the headers now, so the EventSource opens before the first swipe. */
    CompletionStage<?> open(String hall, long retryMillis) {
        return sink.send(sse.newEventBuilder().comment("guidance " + hall).reconnectDelay(retryMillis).build());
    }

    @Override
    public boolean staff() {
        return staff;
    }

    @Override
    public CompletionStage<?> send(GuidanceEvent event) {
        return sink.send(sse.newEventBuilder()
                .id(event.id())
                .name(staff ? GuidanceEvent.STAFF_EVENT : GuidanceEvent.KIOSK_EVENT)
                // as text: the JSON is written already; a JSON provider would quote it again
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, staff ? event.staffJson() : event.kioskJson())
                .build());
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
