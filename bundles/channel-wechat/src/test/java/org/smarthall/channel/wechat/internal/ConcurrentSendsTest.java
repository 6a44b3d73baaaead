package org.smarthall.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.channel.wechat.internal.WeChatChannelTest.OPENID;
import static org.smarthall.channel.wechat.internal.WeChatChannelTest.bill;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;

/** Several outbox threads on one channel: one token fetch at a time, one send per message, paced sends. */
class ConcurrentSendsTest {
    private final WeChatChannelTest setup = new WeChatChannelTest();
    private ExecutorService threads;

    @BeforeEach
    void start() throws Exception {
        setup.startStub();
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        setup.stopStub();
    }

    @Test
    void twoSendsFindingTheTokenExpiredCauseOneTokenCall() throws Exception {
        WeChatChannel channel = setup.channel();
        channel.send(bill("warm-up", OPENID));
        setup.clock.advance(Duration.ofHours(2));
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        setup.stub.onTokenCall = () -> {
            fetching.countDown();
            await(release);
        };

        Future<SendResult> first = threads.submit(() -> channel.send(bill("msg-a", OPENID)));
        assertTrue(fetching.await(5, TimeUnit.SECONDS));
        Future<SendResult> second = threads.submit(() -> channel.send(bill("msg-b", OPENID)));
        pollUntil(() -> channel.waitingForToken() == 1, "the second send queues behind the fetch");
        release.countDown();

        assertEquals(Outcome.ACCEPTED, first.get(5, TimeUnit.SECONDS).outcome());
        assertEquals(Outcome.ACCEPTED, second.get(5, TimeUnit.SECONDS).outcome());
        assertEquals(2, setup.stub.tokenCalls.get(), "the warm-up's token and one refresh");
        assertEquals(3, setup.stub.sendCalls.get());
    }

    @Test
    void twoSendsRefusedWithTheSameStaleTokenCauseOneTokenCall() throws Exception {
        WeChatChannel channel = setup.channel();
        channel.send(bill("warm-up", OPENID));
        setup.stub.expireTokens();
        CyclicBarrier bothSent = new CyclicBarrier(2);
        AtomicInteger sends = new AtomicInteger();
        setup.stub.onSend = body -> {
            if (sends.incrementAndGet() <= 2) { // both carry the stale token before either hears 42001
                try {
                    bothSent.await(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        Future<SendResult> first = threads.submit(() -> channel.send(bill("msg-a", OPENID)));
        Future<SendResult> second = threads.submit(() -> channel.send(bill("msg-b", OPENID)));

        assertEquals(Outcome.ACCEPTED, first.get(5, TimeUnit.SECONDS).outcome());
        assertEquals(Outcome.ACCEPTED, second.get(5, TimeUnit.SECONDS).outcome());
        assertEquals(2, setup.stub.tokenCalls.get(), "the second refused send takes the token the first fetched");
        assertEquals(5, setup.stub.sendCalls.get());
        assertEquals(3, setup.stub.delivered.size());
    }

    @Test
    void theSameMessageSentTwiceAtOnceGoesOutOnce() throws Exception {
        WeChatChannel channel = setup.channel();
        CountDownLatch inWeChat = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        setup.stub.onSend = body -> {
            inWeChat.countDown();
            await(release);
        };

        Future<SendResult> first = threads.submit(() -> channel.send(bill("msg-a", OPENID)));
        assertTrue(inWeChat.await(5, TimeUnit.SECONDS));
        SendResult second = channel.send(bill("msg-a", OPENID));
        release.countDown();

        assertEquals(Outcome.RETRY, second.outcome());
        assertEquals("this message is being sent by another call", second.detail());
        assertEquals(Outcome.ACCEPTED, first.get(5, TimeUnit.SECONDS).outcome());
        assertEquals(1, setup.stub.sendCalls.get());
    }

    @Test
    void sendsArePacedToTheConfiguredRate() {
        WeChatChannel channel = setup.channel(Map.of("maxSendsPerSecond", 10));
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            assertEquals(Outcome.ACCEPTED, channel.send(bill("msg-" + i, OPENID)).outcome());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.toMillis() >= 990, "11 sends at 10 a second span 1 s, took " + elapsed.toMillis() + " ms");
    }

    @Test
    void aSendWhoseSlotIsTooFarOffIsARetry() {
        WeChatChannel channel = setup.channel(Map.of("maxSendsPerSecond", 1, "maxPacingWaitMillis", 0));
        assertEquals(Outcome.ACCEPTED, channel.send(bill("msg-1", OPENID)).outcome());
        SendResult second = channel.send(bill("msg-2", OPENID));
        assertEquals(Outcome.RETRY, second.outcome());
        assertTrue(second.retryAfter().compareTo(Duration.ZERO) > 0, second.retryAfter().toString());
        assertTrue(second.detail().startsWith("over 1 sends a second: next slot in "), second.detail());
        assertEquals(1, setup.stub.sendCalls.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pollUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.yield();
        }
    }
}
