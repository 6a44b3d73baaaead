package org.smarthall.notify.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Consent;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.notify.DeliveryReceipts;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.NotificationState;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.store.Database;

/**
 * Sends what the outbox holds. One loop thread owns every state change: it claims due messages
 * in batches (each claim one more attempt, leased to this node, committed before any send),
 * hands them to a pool of sending threads, and writes their outcomes back in batches. So a
 * message is never handed to two senders, and an outcome is written only for the claim it
 * belongs to.
 *
 * <p>After a crash, a message caught {@code SENDING} is found by its lease (or at once, when a
 * former run of this node claimed it) and sent again with the same id on a channel whose
 * provider drops duplicates; on any other it is held {@code IN_DOUBT} for a person, because
 * sending it again might send it twice.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Object WAKE = new Object();
    private static final Duration CHANNEL_RECHECK = Duration.ofSeconds(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int RECEIPTS_PER_ROUND = 100;

    /** A message claimed for a send. */
    record Claim(OutboxStore.Row row, Router.Send route, int attempt) {
    }

    /** What a channel answered. */
    record Sent(Claim claim, SendResult result, Instant at) {
    }

    /** What a channel said of an accepted message. */
    record Receipt(OutboxStore.Row row, SendResult result, Instant at) {
    }

    private final Database database;
    private final NotifySettings settings;
    private final Router router;
    private final Map<String, NotificationChannel> channels;
    private final Clock clock;
    private final String node;
    private final String owner;
    private final Consumer<Event> events;
    private final RateLimiter limiter;
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final AtomicLong sends = new AtomicLong();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    // owned by the loop thread
    private int inFlight;
    private final Set<String> askingReceipt = new HashSet<>();
    private final List<Object> unwritten = new ArrayList<>();
    private Instant nextRecovery = Instant.MIN;
    private Instant nextReceipts = Instant.MIN;

    Dispatcher(Database database, NotifySettings settings, Router router, Map<String, NotificationChannel> channels,
            Clock clock, String node, Consumer<Event> events) {
        this.database = database;
        this.settings = settings;
        this.router = router;
        this.channels = channels;
        this.clock = clock;
        this.node = node;
        this.owner = node + "/" + java.util.UUID.randomUUID();
        this.events = events;
        this.limiter = new RateLimiter(settings.rateLimits(), System::nanoTime);
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "smarthall-outbox-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "smarthall-outbox");
        loop.setDaemon(true);
        loop.start();
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(STOP_GRACE.toMillis() + 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    void wake() {
        signals.offer(WAKE);
    }

    /** Sends handed to channels since start. */
    long sends() {
        return sends.get();
    }

    private void run() {
        LOG.info("Outbox dispatcher {} started: {} sending threads, {} attempts, quiet hours {}", owner,
                settings.threads(), settings.maxAttempts(), settings.quietHours());
        while (running) {
            try {
                Object first = signals.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                collect(first);
                if (!write()) {
                    continue;
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextRecovery)) {
                    recover(now);
                    nextRecovery = now.plus(recoveryInterval());
                }
                if (!now.isBefore(nextReceipts)) {
                    askReceipts(now);
                    nextReceipts = now.plusSeconds(1);
                }
                dispatch(now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Outbox dispatcher: {}; trying again", e.toString());
                sleep(settings.poll());
            }
        }
        finish();
    }

    private Duration recoveryInterval() {
        Duration quarter = settings.lease().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
    }

    /** Waits a little for the sends under way and writes their outcomes. */
    private void finish() {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                collect(signals.poll(200, TimeUnit.MILLISECONDS));
                write();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (inFlight > 0) {
            LOG.warn("Outbox stopped with {} messages still sending; they are recovered by their lease", inFlight);
        }
        LOG.info("Outbox dispatcher {} stopped", owner);
    }

    private void collect(Object first) {
        if (first != null && first != WAKE) {
            unwritten.add(first);
        }
        List<Object> more = new ArrayList<>();
        signals.drainTo(more);
        for (Object o : more) {
            if (o != WAKE) {
                unwritten.add(o);
            }
        }
    }

    // ------------------------------------------------------------------ claiming and sending

    private void dispatch(Instant now) throws SQLException {
        int capacity = settings.threads() * 2 - inFlight;
        if (capacity <= 0 || !running) {
            return;
        }
        List<Claim> claims = new ArrayList<>();
        Map<String, String> held = new HashMap<>();
        database.inTransaction(c -> {
            // look at a whole batch even when fewer can be sent now: messages of a channel held by
            // its rate limit must not keep the other channels' messages behind them waiting
            List<OutboxStore.Row> due = OutboxStore.due(c, NotificationState.PENDING, now, settings.batch());
            for (OutboxStore.Row row : due) {
                if (claims.size() >= capacity) {
                    break;
                }
                if (row.requestedChannel() != null && held.containsKey(row.requestedChannel())) {
                    continue; // its channel is out of tokens this round: no need to route it
                }
                decide(c, row, now, claims, held);
            }
            return null;
        });
        for (Claim claim : claims) {
            inFlight++;
            senders.execute(() -> send(claim));
        }
    }

    private void decide(java.sql.Connection c, OutboxStore.Row row, Instant now, List<Claim> claims,
            Map<String, String> held) throws SQLException {
        Router.Route route;
        try {
            route = router.route(row, channels);
        } catch (RuntimeException e) {
            route = new Router.Wait("routing failed: " + e.getMessage());
        }
        if (route instanceof Router.Suppress s) {
            end(c, row, NotificationState.SUPPRESSED, "SUPPRESSED", s.reason(), now);
            LOG.info("Message {} suppressed: {}", row.id(), s.reason());
        } else if (route instanceof Router.Fail f) {
            end(c, row, NotificationState.FAILED, "FAILED", f.reason(), now);
            LOG.warn("Message {} dead-lettered: {}", row.id(), f.reason());
        } else if (route instanceof Router.Wait w) {
            if (Duration.between(row.createdAt(), now).compareTo(settings.channelWait()) > 0) {
                end(c, row, NotificationState.FAILED, "FAILED",
                        "no allowed channel came within " + settings.channelWait().toHours() + " h: " + w.reason(), now);
            } else {
                Duration recheck = CHANNEL_RECHECK.compareTo(settings.backoffMax()) < 0 ? CHANNEL_RECHECK
                        : settings.backoffMax();
                hold(c, row, now.plus(recheck), "waiting for a channel: " + w.reason(), "WAITING", now);
            }
        } else if (route instanceof Router.Send send) {
            if (!row.urgent() && !settings.quietExempt().contains(send.channelId())) {
                Instant end = settings.quietHours().endIfQuiet(now);
                if (end != null) {
                    hold(c, row, end, "quiet hours " + settings.quietHours() + " until "
                            + end.atZone(Codes.TIME_ZONE).toLocalDateTime(), "HELD", now);
                    return;
                }
            }
            if (held.containsKey(send.channelId()) || !limiter.tryAcquire(send.channelId())) {
                held.put(send.channelId(), "rate");
                return;
            }
            if (OutboxStore.claim(c, row, send.channelId(), send.masked(), now.plus(settings.lease()), owner, now)) {
                claims.add(new Claim(row, send, row.attempts() + 1));
            } else {
                limiter.giveBack(send.channelId());
            }
        }
    }

    private void end(java.sql.Connection c, OutboxStore.Row row, NotificationState state, String outcome, String reason,
            Instant now) throws SQLException {
        if (OutboxStore.move(c, row.id(), NotificationState.PENDING, null, state, null, null, null, reason, null, now)) {
            OutboxStore.addAttempt(c, row.id(), row.attempts(), now, row.requestedChannel(), outcome, reason);
        }
    }

    /** Keeps a message pending until {@code until}; notes the reason once. */
    private void hold(java.sql.Connection c, OutboxStore.Row row, Instant until, String reason, String outcome,
            Instant now) throws SQLException {
        if (OutboxStore.move(c, row.id(), NotificationState.PENDING, null, NotificationState.PENDING, null, until, null,
                reason, null, now) && !reason.equals(row.reason())) {
            OutboxStore.addAttempt(c, row.id(), row.attempts(), now, null, outcome, reason);
        }
    }

    private void send(Claim claim) {
        OutboxStore.Row row = claim.row();
        Router.Send route = claim.route();
        SendResult result;
        try {
            sends.incrementAndGet();
            result = route.channel().send(new OutboundMessage(row.id(), row.account(), row.purpose(), route.address(),
                    row.template(), row.parameters(), row.text(), row.urgent()));
            if (result == null || result.outcome() == null) {
                result = SendResult.retry("channel " + route.channelId() + " answered nothing", null);
            }
        } catch (RuntimeException e) {
            result = SendResult.retry("channel " + route.channelId() + " failed: " + e, null);
        }
        signals.add(new Sent(claim, result, clock.instant()));
    }

    // ------------------------------------------------------------------ outcomes

    /** Writes every outcome collected, in one transaction; false (kept for later) when it fails. */
    private boolean write() {
        if (unwritten.isEmpty()) {
            return true;
        }
        List<Event> posted = new ArrayList<>();
        try {
            database.inTransaction(c -> {
                for (Object o : unwritten) {
                    if (o instanceof Sent s) {
                        apply(c, s, posted);
                    } else if (o instanceof Receipt r) {
                        applyReceipt(c, r, posted);
                    }
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Outbox cannot write {} outcomes now ({}); keeping them", unwritten.size(), e.toString());
            sleep(settings.poll());
            return false;
        }
        for (Object o : unwritten) {
            if (o instanceof Sent) {
                inFlight--;
            } else if (o instanceof Receipt r) {
                askingReceipt.remove(r.row().id());
            }
        }
        unwritten.clear();
        posted.forEach(events);
        return true;
    }

    private void apply(java.sql.Connection c, Sent sent, List<Event> posted) throws SQLException {
        OutboxStore.Row row = sent.claim().row();
        String channelId = sent.claim().route().channelId();
        int attempt = sent.claim().attempt();
        SendResult r = sent.result();
        Instant now = sent.at();
        String id = row.id();
        boolean moved;
        switch (r.outcome()) {
            case ACCEPTED -> {
                NotificationChannel channel = sent.claim().route().channel();
                boolean receipts = channel instanceof DeliveryReceipts && channel.capabilities().receipts()
                        && r.providerMessageId() != null;
                moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.ACCEPTED, null,
                        receipts ? now.plus(settings.receiptWait()) : null, r.providerMessageId(), null, now, now);
                if (moved) {
                    posted.add(event(row, channelId, NotificationState.ACCEPTED));
                }
            }
            case DELIVERED -> {
                moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.DELIVERED, null,
                        null, r.providerMessageId(), null, now, now);
                if (moved) {
                    posted.add(event(row, channelId, NotificationState.DELIVERED));
                }
            }
            case RETRY -> {
                if (attempt >= settings.maxAttempts()) {
                    moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.FAILED, null,
                            null, null, "gave up after " + attempt + " attempts: " + r.detail(), null, now);
                    LOG.warn("Message {} dead-lettered after {} attempts on {}", id, attempt, channelId);
                } else {
                    Duration wait = settings.backoffAfter(attempt);
                    if (r.retryAfter() != null && r.retryAfter().compareTo(wait) > 0) {
                        wait = r.retryAfter();
                    }
                    moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.PENDING, null,
                            now.plus(wait), null, r.detail(), null, now);
                }
            }
            case REJECTED -> {
                moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.FAILED, null, null,
                        null, "rejected by " + channelId + ": " + r.detail(), null, now);
                LOG.warn("Message {} rejected by {}", id, channelId);
            }
            case REFUSED_BY_RECIPIENT -> {
                if (row.account() != null) {
                    ConsentBook.record(c, new Consent(row.account(), row.purpose(), router.codeOf(channelId), false,
                            now, "provider"));
                }
                if (row.requestedChannel() != null || row.account() == null) {
                    moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.SUPPRESSED,
                            null, null, null, "the person refused messages on " + channelId + ": " + r.detail(), null,
                            now);
                } else {
                    moved = OutboxStore.move(c, id, NotificationState.SENDING, owner, NotificationState.PENDING, null,
                            now, null, "refused on " + channelId + "; consent recorded as withdrawn, routed again",
                            null, now);
                }
            }
            default -> throw new IllegalStateException("unknown outcome " + r.outcome());
        }
        OutboxStore.addAttempt(c, id, attempt, now, channelId, r.outcome().name(),
                moved ? r.detail() : "(late: the message was recovered meanwhile) " + r.detail());
    }

    private Event event(OutboxStore.Row row, String channel, NotificationState state) {
        Map<String, Object> p = new HashMap<>();
        p.put("messageId", row.id());
        p.put("purpose", row.purpose());
        p.put("channel", channel);
        p.put("state", state.name());
        if (row.account() != null) {
            p.put("account", row.account());
        }
        if (row.hall() != null) {
            p.put("hall", row.hall());
        }
        return new Event(HallTopics.MESSAGE_DELIVERED, p);
    }

    // ------------------------------------------------------------------ receipts

    private void askReceipts(Instant now) throws SQLException {
        List<OutboxStore.Row> due = new ArrayList<>();
        database.inTransaction(c -> {
            due.addAll(OutboxStore.due(c, NotificationState.ACCEPTED, now, RECEIPTS_PER_ROUND));
            return null;
        });
        for (OutboxStore.Row row : due) {
            if (askingReceipt.contains(row.id())) {
                continue;
            }
            NotificationChannel channel = channels.get(row.channel());
            if (!(channel instanceof DeliveryReceipts receipts) || row.providerId() == null) {
                database.inTransaction(c -> {
                    OutboxStore.receiptDue(c, row.id(), now.plus(settings.receiptWait()), now);
                    return null;
                });
                continue;
            }
            askingReceipt.add(row.id());
            senders.execute(() -> {
                SendResult r;
                try {
                    r = receipts.receipt(row.providerId());
                } catch (RuntimeException e) {
                    r = SendResult.retry("receipt failed: " + e, null);
                }
                signals.add(new Receipt(row, r == null ? SendResult.retry("no receipt", null) : r, clock.instant()));
            });
        }
    }

    private void applyReceipt(java.sql.Connection c, Receipt receipt, List<Event> posted) throws SQLException {
        OutboxStore.Row row = receipt.row();
        SendResult r = receipt.result();
        Instant now = receipt.at();
        switch (r.outcome()) {
            case DELIVERED -> {
                if (OutboxStore.move(c, row.id(), NotificationState.ACCEPTED, null, NotificationState.DELIVERED, null,
                        null, null, null, now, now)) {
                    OutboxStore.addAttempt(c, row.id(), row.attempts(), now, row.channel(), "RECEIPT", "delivered");
                    posted.add(event(row, row.channel(), NotificationState.DELIVERED));
                }
            }
            case REJECTED, REFUSED_BY_RECIPIENT -> {
                if (OutboxStore.move(c, row.id(), NotificationState.ACCEPTED, null, NotificationState.FAILED, null,
                        null, null, "receipt: not delivered: " + r.detail(), null, now)) {
                    OutboxStore.addAttempt(c, row.id(), row.attempts(), now, row.channel(), "RECEIPT",
                            "failed: " + r.detail());
                }
            }
            default -> {
                Instant since = row.deliveredAt() == null ? row.updatedAt() : row.deliveredAt();
                Duration age = Duration.between(since, now);
                if (age.compareTo(settings.receiptGiveUp()) > 0) {
                    OutboxStore.receiptDue(c, row.id(), null, now);
                    OutboxStore.addAttempt(c, row.id(), row.attempts(), now, row.channel(), "RECEIPT",
                            "no final receipt within " + settings.receiptGiveUp().toHours() + " h; stays ACCEPTED");
                } else {
                    Duration wait = age.compareTo(settings.receiptWait()) > 0 ? age : settings.receiptWait();
                    OutboxStore.receiptDue(c, row.id(), now.plus(wait), now);
                }
            }
        }
    }

    // ------------------------------------------------------------------ crash recovery

    private void recover(Instant now) throws SQLException {
        database.inTransaction(c -> {
            for (OutboxStore.Row row : OutboxStore.stale(c, now, node + "/", owner, 1000)) {
                if (settings.resendInDoubt().contains(row.channel())) {
                    String reason = "a crash or a stall caught it sending on " + row.channel()
                            + "; sent again with the same id, which the provider drops if it had it";
                    if (OutboxStore.move(c, row.id(), NotificationState.SENDING, row.owner(), NotificationState.PENDING,
                            null, now, null, reason, null, now)) {
                        OutboxStore.addAttempt(c, row.id(), row.attempts(), now, row.channel(), "RESENT", reason);
                    }
                } else {
                    String reason = "a crash or a stall caught it sending on " + row.channel()
                            + ", which cannot drop a duplicate: check with the provider, then resend it"
                            + " (hall:outbox --retry) or leave it";
                    if (OutboxStore.move(c, row.id(), NotificationState.SENDING, row.owner(), NotificationState.IN_DOUBT,
                            null, null, null, reason, null, now)) {
                        OutboxStore.addAttempt(c, row.id(), row.attempts(), now, row.channel(), "IN_DOUBT", reason);
                        LOG.warn("Message {} held IN_DOUBT: {}", row.id(), reason);
                    }
                }
            }
            return null;
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(10, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
