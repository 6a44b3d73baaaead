package org.smarthall.cabin.guidance.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per hall: the latest portrait, a ring buffer of the recent ones for screens that reconnect, and
 * the guidance screens connected now. Plain Java (no JAX-RS, no OSGi), the hall-screen channel's
 * registry cut down to what guidance needs (no idempotency: a portrait is published once, by the
 * cabin itself).
 *
 * <p>A publish and a connect each run under the hall's lock, so a screen that connects while a
 * portrait goes out gets it once, by replay or live; every screen of a hall sees its portraits in
 * one order. A screen whose write fails, or that says it is closed, leaves at once and is closed
 * on the {@code closer}.
 */
final class GuidanceStreams {
    private static final Logger LOG = LoggerFactory.getLogger(GuidanceStreams.class);

    private final int replaySize;
    private final Duration latestTtl;
    private final Clock clock;
    private final Executor closer;
    private final ConcurrentMap<String, Hall> halls = new ConcurrentHashMap<>();

    GuidanceStreams(int replaySize, Duration latestTtl, Clock clock, Executor closer) {
        this.replaySize = replaySize;
        this.latestTtl = latestTtl;
        this.clock = clock;
        this.closer = closer;
    }

    /** Keeps the event as the hall's latest and in its buffer, and hands it to the hall's screens. */
    void publish(GuidanceEvent event) {
        Hall hall = lock(event.hall());
        try {
            hall.latest = event;
            if (replaySize > 0) {
                hall.events.addLast(event);
                while (hall.events.size() > replaySize) {
                    hall.events.removeFirst();
                }
            }
            for (Viewer viewer : List.copyOf(hall.viewers)) {
                if (viewer.isClosed()) {
                    drop(hall, viewer);
                } else {
                    handOver(hall, viewer, () -> viewer.send(event));
                }
            }
        } finally {
            hall.lock.unlock();
        }
    }

    /** The hall's latest portrait if it is younger than the time to live. */
    Optional<GuidanceEvent> latest(String hallId) {
        Hall hall = halls.get(hallId);
        GuidanceEvent latest = hall == null ? null : hall.latest;
        if (latest == null || latest.at().isBefore(clock.instant().minus(latestTtl))) {
            return Optional.empty();
        }
        return Optional.of(latest);
    }

    /**
     * Joins a screen to its hall: the buffered portraits after {@code lastEventId} first (all of them
     * when it is {@code null} or no longer buffered), those younger than the latest-portrait time to
     * live only, then every portrait from now on.
     *
     * @return how many were replayed
     */
    int connect(String hallId, Viewer viewer, String lastEventId) {
        Hall hall = lock(hallId);
        try {
            // portraits older than the time to live are stale for the desk: the customer has moved on
            List<GuidanceEvent> replay = hall.after(lastEventId).stream()
                    .filter(e -> !e.at().isBefore(clock.instant().minus(latestTtl))).toList();
            hall.viewers.add(viewer);
            for (GuidanceEvent event : replay) {
                handOver(hall, viewer, () -> viewer.send(event));
            }
            LOG.info("Guidance screen connected to hall {} ({} now, {}), {} portraits replayed", hallId,
                    hall.viewers.size(), viewer.staff() ? "staff" : "kiosk", replay.size());
            return replay.size();
        } finally {
            hall.lock.unlock();
        }
    }

    /**
     * A comment to every screen so that idle streams stay open; drops the screens that are gone and
     * forgets halls with neither screens nor a live latest portrait.
     */
    void heartbeat() {
        for (Map.Entry<String, Hall> entry : halls.entrySet()) {
            Hall hall = entry.getValue();
            hall.lock.lock();
            try {
                boolean stale = hall.latest == null || hall.latest.at().isBefore(clock.instant().minus(latestTtl));
                if (hall.viewers.isEmpty() && stale) {
                    hall.retired = true;
                    halls.remove(entry.getKey(), hall);
                    continue;
                }
                for (Viewer viewer : List.copyOf(hall.viewers)) {
                    if (viewer.isClosed()) {
                        drop(hall, viewer);
                    } else {
                        handOver(hall, viewer, viewer::heartbeat);
                    }
                }
            } finally {
                hall.lock.unlock();
            }
        }
    }

    int viewers(String hallId) {
        Hall hall = halls.get(hallId);
        return hall == null ? 0 : hall.viewers.size();
    }

    int viewers() {
        return halls.values().stream().mapToInt(h -> h.viewers.size()).sum();
    }

    /** Ends every stream and forgets everything. */
    void closeAll() {
        List<Viewer> all = new ArrayList<>();
        for (Hall hall : halls.values()) {
            hall.lock.lock();
            try {
                hall.retired = true;
                all.addAll(hall.viewers);
                hall.viewers.clear();
            } finally {
                hall.lock.unlock();
            }
        }
        halls.clear();
        all.forEach(GuidanceStreams::closeQuietly);
    }

    private void handOver(Hall hall, Viewer viewer, Supplier<CompletionStage<?>> write) {
        CompletableFuture<?> written;
        try {
            written = write.get().toCompletableFuture();
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((ok, failure) -> {
            if (failure != null) {
                drop(hall, viewer);
            }
        });
    }

    private void drop(Hall hall, Viewer viewer) {
        boolean removed;
        hall.lock.lock();
        try {
            removed = hall.viewers.remove(viewer);
        } finally {
            hall.lock.unlock();
        }
        if (removed) {
            LOG.info("Guidance screen of hall {} gone", hall.id);
            try {
                closer.execute(() -> closeQuietly(viewer));
            } catch (RejectedExecutionException shuttingDown) {
                closeQuietly(viewer);
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

    private static void closeQuietly(Viewer viewer) {
        try {
            viewer.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing a guidance stream failed: {}", e.toString());
        }
    }

    private static final class Hall {
        final String id;
        final ReentrantLock lock = new ReentrantLock();
        final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
        /** Oldest first; guarded by the lock. */
        final Deque<GuidanceEvent> events = new ArrayDeque<>();
        volatile GuidanceEvent latest;
        boolean retired;

        Hall(String id) {
            this.id = id;
        }

        List<GuidanceEvent> after(String lastEventId) {
            List<GuidanceEvent> all = new ArrayList<>(events);
            if (lastEventId != null) {
                for (int i = all.size() - 1; i >= 0; i--) {
                    if (all.get(i).id().equals(lastEventId)) {
                        return List.copyOf(all.subList(i + 1, all.size()));
                    }
                }
            }
            return all;
        }
    }
}
