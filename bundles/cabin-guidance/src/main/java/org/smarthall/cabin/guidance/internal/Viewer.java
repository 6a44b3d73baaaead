package org.smarthall.cabin.guidance.internal;

import java.util.concurrent.CompletionStage;

/**
 * One connected guidance screen as {@link GuidanceStreams} sees it. {@link #send} and
 * {@link #heartbeat} hand the write to the connection's writer and return at once (they are called
 * under the hall's lock); the stage completes when written, exceptionally when the connection is gone.
 */
interface Viewer {

    /** Staff see the whole portrait; the others (kiosks) the greeting only. */
    boolean staff();

    CompletionStage<?> send(GuidanceEvent event);

    CompletionStage<?> heartbeat();

    boolean isClosed();

    /** May wait for writes under way: never called under a lock. */
    void close();
}
