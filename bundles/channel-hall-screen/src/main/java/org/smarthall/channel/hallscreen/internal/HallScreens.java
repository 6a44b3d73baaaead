package org.smarthall.channel.hallscreen.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall screens: per hall the screens connected now and a ring buffer of its recent events,
 * and the message ids already broadcast. Plain Java on purpose (no JAX-RS, no OSGi): the channel
 * writes into it, the stream resource connects screens to it, and both are tested through it.
 *
 * <p><b>Order and exactly-once per screen.</b> A broadcast and a connect each run under the
 * hall's lock: a broadcast puts the event in the buffer and hands it to the screens connected
 * then; a connect replays from the buffer and joins the live set in the same step. So a screen
 * that connects while a message goes out gets it once, by replay or live, never both nor
 * neither, and every screen of a hall sees the hall's events in one order. Handing over never
 * waits for the network ({@link Screen}); the broadcast waits for the writes after it has let
 * go of the lock.
 *
 * <p><b>Idempotency.</b> A message id broadcast before is not broadcast again: the repeat gets
 * the first broadcast's result, marked {@link Broadcast#repeat()}. The last
 * {@code rememberedMessages} ids are remembered (an outbox retry comes within minutes, not
 * thousands of messages later); they are in memory, so a restart of the bundle forgets them,
 * and with them the buffers that could have replayed those messages.
 *
 * <p><b>Dead screens.</b> A screen whose write fails, or that says it is closed, leaves its hall
 * at once and is closed on the {@code closer} (closing a sink may wait for writes under way).
 * {@link #heartbeat()} finds the ones that went away silently: the TV switched off, the cable
 * pulled.
 */
final class HallScreens {
    private static final Logger LOG = LoggerFactory.getLogger(HallScreens.class);

    /**
     * What became of a broadcast.
     *
     * @param connected screens of the hall the event was handed to
     * @param reached   of those, the screens that had it written within the delivery wait
     * @param at        when the channel took the message
     * @param repeat    the message id was broadcast before: this is that broadcast's result and
     *                  nothing was sent now
     */
    record Broadcast(String messageId, String hall, int connected, int reached, Instant at, boolean repeat) {
        boolean delivered() {
            return reached > 0;
        }

        Broadcast asRepeat() {
            return new Broadcast(messageId, hall, connected, reached, at, true);
        }
    }

    private final int bufferSize;
    private final Duration replayWindow;
    private final Duration deliveryWait;
    private final Clock clock;
    private final Executor closer;
    private final ConcurrentMap<String, Hall> halls = new ConcurrentHashMap<>();
    /** Message id to its broadcast, the oldest first; guarded by itself. */
    private final Map<String, CompletableFuture<Broadcast>> seen;

    /**
     * @param bufferSize         events kept per hall for replay (0: none)
     * @param replayWindow       how long an event stays replayable (zero: not at all)
     * @param deliveryWait       how long a broadcast waits for the screens' writes
     * @param rememberedMessages message ids remembered against repeats
     * @param clock              for the age of events
     * @param closer             where dead screens are closed
     */
    HallScreens(int bufferSize, Duration replayWindow, Duration deliveryWait, int rememberedMessages, Clock clock,
            Executor closer) {
        this.bufferSize = bufferSize;
        this.replayWindow = replayWindow;
        this.deliveryWait = deliveryWait;
        this.clock = clock;
        this.closer = closer;
        this.seen = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Broadcast>> eldest) {
                return size() > rememberedMessages;
            }
        };
    }

    /**
     * Shows an event on every screen of its hall connected now and keeps it for those that
     * connect within the replay window. Waits at most the delivery wait for the writes. A repeat
     * of a message id sends nothing and answers the first broadcast's result.
     */
    Broadcast broadcast(ScreenEvent event) {
        CompletableFuture<Broadcast> mine = new CompletableFuture<>();
        CompletableFuture<Broadcast> first;
        synchronized (seen) {
            first = seen.putIfAbsent(event.messageId(), mine);
        }
        if (first != null) {
            // the first broadcast always completes, within the delivery wait
            return first.join().asRepeat();
        }
        try {
            Broadcast result = deliver(event);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            synchronized (seen) {
                seen.remove(event.messageId(), mine); // not sent: a retry may try again
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Joins a screen to its hall: first the hall's buffered events after {@code lastEventId} (all
     * of them when it is {@code null} or no longer buffered), then every event from now on.
     *
     * @return how many events were replayed
     */
    int connect(String hallId, Screen screen, String lastEventId) {
        Hall hall = lock(hallId);
        try {
            hall.expire(horizon());
            List<ScreenEvent> replay = hall.after(lastEventId);
            hall.screens.add(screen);
            for (ScreenEvent event : replay) {
                handOver(hall, screen, () -> screen.send(event));
            }
            LOG.info("Screen connected to hall {} ({} now), {} events replayed", hallId, hall.screens.size(),
                    replay.size());
            return replay.size();
        } finally {
            hall.lock.unlock();
        }
    }

    /**
     * Writes a comment to every screen so that proxies and browsers keep the idle streams open,
     * drops the screens that are gone, forgets events older than the replay window and halls with
     * neither screens nor events. Called every {@code heartbeatSeconds}.
     */
    void heartbeat() {
        Instant horizon = horizon();
        for (Map.Entry<String, Hall> entry : halls.entrySet()) {
            Hall hall = entry.getValue();
            hall.lock.lock();
            try {
                hall.expire(horizon);
                if (hall.screens.isEmpty() && hall.events.isEmpty()) {
                    hall.retired = true;
                    halls.remove(entry.getKey(), hall);
                    continue;
                }
                for (Screen screen : List.copyOf(hall.screens)) {
                    if (screen.isClosed()) {
                        drop(hall, screen);
                    } else {
                        handOver(hall, screen, screen::heartbeat);
                    }
                }
            } finally {
                hall.lock.unlock();
            }
        }
    }

    /** Screens connected now, over all halls. */
    int screens() {
        int count = 0;
        for (Hall hall : halls.values()) {
            count += hall.screens.size();
        }
        return count;
    }

    /** Screens of one hall connected now. */
    int screens(String hallId) {
        Hall hall = halls.get(hallId);
        return hall == null ? 0 : hall.screens.size();
    }

    /** Halls with at least one screen connected now. */
    int hallsWithScreens() {
        int count = 0;
        for (Hall hall : halls.values()) {
            if (!hall.screens.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /** The events a screen connecting now without a Last-Event-ID would get, oldest first. */
    List<ScreenEvent> buffered(String hallId) {
        Hall hall = halls.get(hallId);
        if (hall == null) {
            return List.of();
        }
        hall.lock.lock();
        try {
            hall.expire(horizon());
            return List.copyOf(hall.events);
        } finally {
            hall.lock.unlock();
        }
    }

    /** Ends every stream (the screens reconnect to whatever comes next) and forgets the halls. */
    void closeAll() {
        List<Screen> all = new ArrayList<>();
        for (Hall hall : halls.values()) {
            hall.lock.lock();
            try {
                hall.retired = true;
                all.addAll(hall.screens);
                hall.screens.clear();
            } finally {
                hall.lock.unlock();
            }
        }
        halls.clear();
        all.forEach(HallScreens::closeQuietly);
    }

    private Broadcast deliver(ScreenEvent event) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        Hall hall = lock(event.hall());
        try {
            hall.expire(horizon());
            if (bufferSize > 0 && !replayWindow.isZero()) {
                hall.events.addLast(event);
                while (hall.events.size() > bufferSize) {
                    hall.events.removeFirst();
                }
            }
            for (Screen screen : List.copyOf(hall.screens)) {
                if (screen.isClosed()) {
                    drop(hall, screen);
                } else {
                    writes.add(handOver(hall, screen, () -> screen.send(event)));
                }
            }
        } finally {
            hall.lock.unlock();
        }
        int reached = awaitWritten(writes);
        return new Broadcast(event.messageId(), event.hall(), writes.size(), reached, event.at(), false);
    }

    /** Counts the writes that completed within the delivery wait; a failed one has dropped its screen. */
    private int awaitWritten(List<CompletableFuture<?>> writes) {
        long deadline = System.nanoTime() + deliveryWait.toNanos();
        int written = 0;
        for (CompletableFuture<?> write : writes) {
            try {
                write.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                written++;
            } catch (ExecutionException | TimeoutException e) {
                // failed: the screen is dropped; slow: still on its way, not counted as shown
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return written;
    }

    /** Hands a write to a screen; a screen that fails it leaves the hall. */
    private CompletableFuture<?> handOver(Hall hall, Screen screen, Supplier<CompletionStage<?>> write) {
        CompletableFuture<?> written;
        try {
            written = write.get().toCompletableFuture();
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((ok, failure) -> {
            if (failure != null) {
                drop(hall, screen);
            }
        });
        return written;
    }

    private void drop(Hall hall, Screen screen) {
        boolean removed;
        int left;
        hall.lock.lock();
        try {
            removed = hall.screens.remove(screen);
            left = hall.screens.size();
        } finally {
            hall.lock.unlock();
        }
        if (removed) {
            LOG.info("Screen of hall {} gone ({} left)", hall.id, left);
            try {
                closer.execute(() -> closeQuietly(screen));
            } catch (RejectedExecutionException shuttingDown) {
                closeQuietly(screen);
            }
        }
    }

    /** The hall, locked; never one that {@link #heartbeat()} has just let go of. */
    private Hall lock(String hallId) {
        while (true) {
            Hall hall = halls.computeIfAbsent(hallId, Hall::new);
            hall.lock.lock();
            if (!hall.retired) {
                return hall;
            }
            hall.lock.unlock();
        }
    }

    private Instant horizon() {
        return clock.instant().minus(replayWindow);
    }

    private static void closeQuietly(Screen screen) {
        try {
            screen.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing a screen's stream failed: {}", e.toString());
        }
    }

    private static final class Hall {
        final String id;
        final ReentrantLock lock = new ReentrantLock();
        /** Concurrent so that counting needs no lock; changed only under the lock. */
        final Set<Screen> screens = ConcurrentHashMap.newKeySet();
        /** Oldest first; guarded by the lock. */
        final Deque<ScreenEvent> events = new ArrayDeque<>();
        /** Taken out of the map: whoever locked it late must look the hall up again. */
        boolean retired;

        Hall(String id) {
            this.id = id;
        }

        void expire(Instant horizon) {
            while (!events.isEmpty() && events.peekFirst().at().isBefore(horizon)) {
                events.removeFirst();
            }
        }

        /** The buffered events after the one with this id; all of them when it is not buffered. */
        List<ScreenEvent> after(String lastEventId) {
            List<ScreenEvent> all = new ArrayList<>(events);
            if (lastEventId != null) {
                for (int i = all.size() - 1; i >= 0; i--) {
                    if (all.get(i).messageId().equals(lastEventId)) {
                        return List.copyOf(all.subList(i + 1, all.size()));
                    }
                }
            }
            return all;
        }
    }
}
