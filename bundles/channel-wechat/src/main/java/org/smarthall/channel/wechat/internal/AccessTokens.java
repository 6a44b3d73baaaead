package org.smarthall.channel.wechat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official account's access token, fetched once and shared by every send until shortly
 * before it expires. WeChat allows 2000 token calls a day and a new token retires the old one
 * (after a short overlap), so fetching is single-flight: threads that find the token stale
 * queue behind the one fetching and take its result. A failed fetch is held for a while, so a
 * burst of sends or health checks cannot eat the day's token calls.
 */
final class AccessTokens {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    /** Where a token comes from: WeChat's answer to {@code /cgi-bin/token}. */
    interface Source {
        WeChatApi.Reply fetch() throws WeChatApi.CallFailed, InterruptedException;
    }

    /** No token to be had now; {@code detail} says why, for the outbox record and the health check. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String detail) {
            super(detail, null, false, false);
        }
    }

    private record Token(String value, Instant refreshAt) {
    }

    private record Failure(String detail, Instant until) {
    }

    private final Source source;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration failureHold;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Token token;
    private volatile Failure failure;

    AccessTokens(Source source, Clock clock, Duration refreshMargin, Duration failureHold) {
        this.source = source;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
        this.failureHold = failureHold;
    }

    /** A token good for a send now: the cached one, or a fresh one. */
    String current() throws Unavailable, InterruptedException {
        Token t = token;
        if (t != null && clock.instant().isBefore(t.refreshAt())) {
            return t.value();
        }
        return refresh(null);
    }

    /**
     * A token other than {@code rejected}, which WeChat just refused (40001, 42001): fetched
     * unless another thread has already replaced it.
     */
    String replace(String rejected) throws Unavailable, InterruptedException {
        return refresh(rejected);
    }

    /** How long the cached token will still be used, if there is one. */
    Optional<Duration> validFor() {
        Token t = token;
        Instant now = clock.instant();
        return t == null || !now.isBefore(t.refreshAt()) ? Optional.empty()
                : Optional.of(Duration.between(now, t.refreshAt()));
    }

    /** Threads waiting for the fetch under way; for tests of the single flight. */
    int waitingForFetch() {
        return fetching.getQueueLength();
    }

    private String refresh(String rejected) throws Unavailable, InterruptedException {
        fetching.lockInterruptibly();
        try {
            Instant now = clock.instant();
            Token t = token;
            if (t != null && now.isBefore(t.refreshAt()) && !t.value().equals(rejected)) {
                return t.value(); // fetched by the thread this one queued behind
            }
            token = null;
            Failure f = failure;
            if (f != null && now.isBefore(f.until())) {
                throw new Unavailable(f.detail());
            }
            return fetch(now);
        } finally {
            fetching.unlock();
        }
    }

    private String fetch(Instant now) throws Unavailable, InterruptedException {
        String detail;
        try {
            WeChatApi.Reply reply = source.fetch();
            String value = reply.body().path("access_token").asText("");
            long expiresIn = reply.body().path("expires_in").asLong(0);
            if (reply.ok() && !value.isEmpty() && expiresIn > 0) {
                Duration lifetime = Duration.ofSeconds(expiresIn);
                // a token shorter-lived than the margin is used for half its life rather than not at all
                Duration use = lifetime.compareTo(refreshMargin) > 0 ? lifetime.minus(refreshMargin) : lifetime.dividedBy(2);
                token = new Token(value, now.plus(use));
                failure = null;
                LOG.debug("WeChat access token fetched, used for {} s", use.toSeconds());
                return value;
            }
            detail = reply.ok() ? "token: answer without access_token or expires_in"
                    : "token: errcode " + reply.errcode() + " " + reply.errmsg();
        } catch (WeChatApi.CallFailed e) {
            detail = e.getMessage();
        }
        failure = new Failure(detail, now.plus(failureHold));
        LOG.warn("WeChat access token not obtained: {}", detail);
        throw new Unavailable(detail);
    }
}
