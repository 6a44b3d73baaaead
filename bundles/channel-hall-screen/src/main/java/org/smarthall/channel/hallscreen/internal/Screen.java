package org.smarthall.channel.hallscreen.internal;

import java.util.concurrent.CompletionStage;

/**
 * One connected screen as {@link HallScreens} sees it: where the events of its hall go. The
 * JAX-RS stream adapts an SSE sink to it ({@link SseScreen}); tests use fakes.
 *
 * <p>{@link #send} and {@link #heartbeat} hand the write to the connection's own writer and
 * return at once (the registry calls them while it holds the hall's lock, so that every screen
 * gets a hall's events in one order); the stage completes when the bytes are written and flushed,
 * exceptionally when the connection is gone.
 */
interface Screen {

    CompletionStage<?> send(ScreenEvent event);

    /** A comment line that only keeps proxies and the TV's browser from dropping an idle stream. */
    CompletionStage<?> heartbeat();

    boolean isClosed();

    /** Ends the stream; may wait a little for writes under way, so never called under a lock. */
    void close();
}
