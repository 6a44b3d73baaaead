package org.smarthall.channel.hallscreen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A screen that records what it is sent; it can be told to fail or to hang its writes. */
final class FakeScreen implements Screen {
    enum Writes {
        /** Written at once. */
        OK,
        /** The connection is gone: every write fails. */
        FAIL,
        /** Never confirmed: a stalled connection. */
        HANG
    }

    private final List<ScreenEvent> events = new ArrayList<>();
    final AtomicInteger heartbeats = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    volatile Writes writes = Writes.OK;
    volatile boolean closed;

    @Override
    public CompletionStage<?> send(ScreenEvent event) {
        synchronized (events) {
            events.add(event);
        }
        return write();
    }

    @Override
    public CompletionStage<?> heartbeat() {
        heartbeats.incrementAndGet();
        return write();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        closes.incrementAndGet();
    }

    /** The message ids it was sent, in order. */
    List<String> ids() {
        synchronized (events) {
            return events.stream().map(ScreenEvent::messageId).toList();
        }
    }

    private CompletionStage<?> write() {
        switch (writes) {
            case FAIL:
                return CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));
            case HANG:
                return new CompletableFuture<>();
            default:
                return CompletableFuture.completedFuture(null);
        }
    }
}
