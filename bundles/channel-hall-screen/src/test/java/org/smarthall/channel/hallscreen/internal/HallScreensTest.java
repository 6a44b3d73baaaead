package org.smarthall.channel.hallscreen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.smarthall.channel.hallscreen.internal.FakeScreen.Writes;
import org.smarthall.channel.hallscreen.internal.HallScreens.Broadcast;
import org.smarthall.testing.MutableClock;

/** The registry on its own: halls, screens, the replay buffer, repeats and dead screens. */
class HallScreensTest {
    static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    private HallScreens screens(int bufferSize, Duration replay) {
        // closing runs in the calling thread: the test sees it at once
        return new HallScreens(bufferSize, replay, Duration.ofMillis(200), 1_000, clock, Runnable::run);
    }

    private HallScreens screens() {
        return screens(50, Duration.ofMinutes(30));
    }

    private ScreenEvent event(String id, String hall) {
        return new ScreenEvent(id, hall, "notice", "{\"messageId\":\"" + id + "\"}", clock.instant());
    }

    @Test
    void aBroadcastReachesEveryScreenOfItsHallAndNoOther() {
        HallScreens screens = screens();
        FakeScreen tv = new FakeScreen();
        FakeScreen bigScreen = new FakeScreen();
        FakeScreen otherHall = new FakeScreen();
        screens.connect("H1", tv, null);
        screens.connect("H1", bigScreen, null);
        screens.connect("H2", otherHall, null);

        Broadcast result = screens.broadcast(event("m-1", "H1"));

        assertEquals(new Broadcast("m-1", "H1", 2, 2, NOW, false), result);
        assertTrue(result.delivered());
        assertEquals(List.of("m-1"), tv.ids());
        assertEquals(List.of("m-1"), bigScreen.ids());
        assertEquals(List.of(), otherHall.ids());
        assertEquals(3, screens.screens());
        assertEquals(2, screens.screens("H1"));
        assertEquals(2, screens.hallsWithScreens());
    }

    @Test
    void withNoScreenConnectedTheEventWaitsInTheBufferForTheFirstScreen() {
        HallScreens screens = screens();

        Broadcast result = screens.broadcast(event("m-1", "H1"));

        assertEquals(new Broadcast("m-1", "H1", 0, 0, NOW, false), result);
        assertFalse(result.delivered());
        FakeScreen late = new FakeScreen();
        assertEquals(1, screens.connect("H1", late, null));
        assertEquals(List.of("m-1"), late.ids());
    }

    @Test
    void aRepeatedMessageIdIsNotBroadcastAgainAndAnswersTheFirstResult() {
        HallScreens screens = screens();
        FakeScreen tv = new FakeScreen();
        screens.connect("H1", tv, null);
        Broadcast first = screens.broadcast(event("m-1", "H1"));
        FakeScreen joinedSince = new FakeScreen();
        screens.connect("H1", joinedSince, null);

        Broadcast repeat = screens.broadcast(event("m-1", "H1"));

        assertTrue(repeat.repeat());
        assertEquals(first.asRepeat(), repeat);
        assertEquals(List.of("m-1"), tv.ids(), "shown once");
        assertEquals(List.of("m-1"), joinedSince.ids(), "by replay only, not again live");
        assertEquals(List.of("m-1"), screens.buffered("H1").stream().map(ScreenEvent::messageId).toList(),
                "buffered once");
    }

    @Test
    void aRepeatOfAMessageThatWaitedAnswersAcceptedAgainEvenAfterAScreenCame() {
        HallScreens screens = screens();
        Broadcast first = screens.broadcast(event("m-1", "H1"));
        FakeScreen tv = new FakeScreen();
        screens.connect("H1", tv, null);

        Broadcast repeat = screens.broadcast(event("m-1", "H1"));

        assertFalse(first.delivered());
        assertEquals(first.asRepeat(), repeat, "the same outcome as the first send");
        assertEquals(List.of("m-1"), tv.ids());
    }

    @Test
    void onlyTheLastRememberedMessageIdsCountAsRepeats() {
        HallScreens screens = new HallScreens(50, Duration.ofMinutes(30), Duration.ofMillis(200), 2, clock,
                Runnable::run);
        screens.broadcast(event("m-1", "H1"));
        screens.broadcast(event("m-2", "H1"));
        screens.broadcast(event("m-3", "H1"));

        assertTrue(screens.broadcast(event("m-3", "H1")).repeat());
        assertTrue(screens.broadcast(event("m-2", "H1")).repeat());
        assertFalse(screens.broadcast(event("m-1", "H1")).repeat(), "fell out of the 2 remembered ids");
    }

    @Test
    void aScreenThatReconnectsGetsWhatCameAfterItsLastEventIdThenLiveEvents() {
        HallScreens screens = screens();
        for (String id : List.of("m-1", "m-2", "m-3")) {
            screens.broadcast(event(id, "H1"));
        }
        FakeScreen tv = new FakeScreen();

        assertEquals(2, screens.connect("H1", tv, "m-1"));
        screens.broadcast(event("m-4", "H1"));

        assertEquals(List.of("m-2", "m-3", "m-4"), tv.ids());
        FakeScreen upToDate = new FakeScreen();
        assertEquals(0, screens.connect("H1", upToDate, "m-4"));
        assertEquals(List.of(), upToDate.ids());
    }

    @Test
    void aLastEventIdNoLongerBufferedReplaysTheWholeBuffer() {
        HallScreens screens = screens();
        screens.broadcast(event("m-1", "H1"));
        screens.broadcast(event("m-2", "H1"));
        FakeScreen afterRestart = new FakeScreen();

        // an id from before a restart of the node, or one pushed out of the ring
        assertEquals(2, screens.connect("H1", afterRestart, "m-0"));

        assertEquals(List.of("m-1", "m-2"), afterRestart.ids());
    }

    @Test
    void theBufferKeepsTheNewestBufferSizeEventsOfEachHall() {
        HallScreens screens = screens(3, Duration.ofMinutes(30));
        IntStream.rangeClosed(1, 5).forEach(i -> screens.broadcast(event("m-" + i, "H1")));
        screens.broadcast(event("x-1", "H2"));

        assertEquals(List.of("m-3", "m-4", "m-5"),
                screens.buffered("H1").stream().map(ScreenEvent::messageId).toList());
        FakeScreen tv = new FakeScreen();
        assertEquals(3, screens.connect("H1", tv, "m-1"), "m-1 was pushed out: the whole buffer");
        assertEquals(List.of("m-3", "m-4", "m-5"), tv.ids());
        assertEquals(List.of("x-1"), screens.buffered("H2").stream().map(ScreenEvent::messageId).toList(),
                "a hall's bound is its own");
    }

    @Test
    void eventsOlderThanTheReplayWindowAreNotReplayed() {
        HallScreens screens = screens(50, Duration.ofMinutes(30));
        screens.broadcast(event("m-old", "H1"));
        clock.advance(Duration.ofMinutes(20));
        screens.broadcast(event("m-new", "H1"));
        clock.advance(Duration.ofMinutes(11));

        FakeScreen tv = new FakeScreen();
        assertEquals(1, screens.connect("H1", tv, null));
        assertEquals(List.of("m-new"), tv.ids());
    }

    @Test
    void withReplayOffNothingIsKept() {
        HallScreens screens = screens(50, Duration.ZERO);
        screens.broadcast(event("m-1", "H1"));
        FakeScreen tv = new FakeScreen();

        assertEquals(0, screens.connect("H1", tv, null));
        assertEquals(List.of(), tv.ids());
    }

    @Test
    void aScreenWhoseWriteFailsIsDroppedAndClosed() {
        HallScreens screens = screens();
        FakeScreen alive = new FakeScreen();
        FakeScreen unplugged = new FakeScreen();
        screens.connect("H1", alive, null);
        screens.connect("H1", unplugged, null);
        unplugged.writes = Writes.FAIL;

        Broadcast result = screens.broadcast(event("m-1", "H1"));

        assertEquals(2, result.connected());
        assertEquals(1, result.reached());
        assertEquals(1, screens.screens("H1"));
        assertEquals(1, unplugged.closes.get());
        screens.broadcast(event("m-2", "H1"));
        assertEquals(List.of("m-1"), unplugged.ids(), "nothing more for a dropped screen");
        assertEquals(List.of("m-1", "m-2"), alive.ids());
    }

    @Test
    void aScreenThatSaysItIsClosedIsDroppedWithoutAWrite() {
        HallScreens screens = screens();
        FakeScreen tv = new FakeScreen();
        screens.connect("H1", tv, null);
        tv.closed = true;

        Broadcast result = screens.broadcast(event("m-1", "H1"));

        assertEquals(0, result.connected());
        assertEquals(List.of(), tv.ids());
        assertEquals(0, screens.screens());
    }

    @Test
    void aScreenThatFailsDuringItsReplayIsDropped() {
        HallScreens screens = screens();
        screens.broadcast(event("m-1", "H1"));
        FakeScreen flaky = new FakeScreen();
        flaky.writes = Writes.FAIL;

        screens.connect("H1", flaky, null);

        assertEquals(0, screens.screens("H1"));
        assertEquals(1, flaky.closes.get());
    }

    @Test
    void aStalledScreenIsNotCountedAsReachedButStays() {
        HallScreens screens = screens();
        FakeScreen stalled = new FakeScreen();
        stalled.writes = Writes.HANG;
        screens.connect("H1", stalled, null);

        Broadcast result = screens.broadcast(event("m-1", "H1"));

        assertEquals(1, result.connected());
        assertEquals(0, result.reached(), "no write confirmed within the delivery wait");
        assertFalse(result.delivered());
        assertEquals(1, screens.screens("H1"), "slow is not dead: the heartbeat or a failed write will tell");
    }

    @Test
    void theHeartbeatWritesToEveryScreenDropsTheDeadAndForgetsIdleHalls() {
        HallScreens screens = screens(50, Duration.ofMinutes(30));
        FakeScreen tv = new FakeScreen();
        FakeScreen gone = new FakeScreen();
        FakeScreen closed = new FakeScreen();
        screens.connect("H1", tv, null);
        screens.connect("H1", gone, null);
        screens.connect("H2", closed, null);
        screens.broadcast(event("m-1", "H3")); // a hall with an event and no screen
        gone.writes = Writes.FAIL;
        closed.closed = true;

        screens.heartbeat();

        assertEquals(1, tv.heartbeats.get());
        assertEquals(1, screens.screens());
        assertEquals(1, gone.closes.get());
        assertEquals(1, screens.buffered("H3").size());
        clock.advance(Duration.ofMinutes(31));
        screens.heartbeat();
        assertEquals(List.of(), screens.buffered("H3"));
        assertEquals(1, screens.hallsWithScreens());
    }

    @Test
    void closeAllEndsEveryStream() {
        HallScreens screens = screens();
        FakeScreen a = new FakeScreen();
        FakeScreen b = new FakeScreen();
        screens.connect("H1", a, null);
        screens.connect("H2", b, null);

        screens.closeAll();

        assertEquals(1, a.closes.get());
        assertEquals(1, b.closes.get());
        assertEquals(0, screens.screens());
    }

    /**
     * Screens that connect while messages go out: each gets every message exactly once (by
     * replay or live, never both, never neither), all in the hall's one order.
     */
    @Test
    void screensConnectingDuringBroadcastsGetEveryEventOnceInOneOrder() throws Exception {
        HallScreens screens = screens(10_000, Duration.ofMinutes(30));
        int messages = 2_000;
        int screenCount = 40;
        List<FakeScreen> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = thread; i < messages; i += 2) {
                        screens.broadcast(event("m-" + i, "H1"));
                    }
                    return null;
                }));
            }
            for (int s = 0; s < screenCount; s++) {
                all.add(new FakeScreen());
            }
            work.add(pool.submit(() -> {
                start.await();
                for (FakeScreen screen : all) {
                    screens.connect("H1", screen, null);
                }
                return null;
            }));
            start.countDown();
            for (Future<?> w : work) {
                w.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> order = screens.buffered("H1").stream().map(ScreenEvent::messageId).toList();
        assertEquals(messages, order.size());
        for (FakeScreen screen : all) {
            assertEquals(order, screen.ids());
        }
    }
}
