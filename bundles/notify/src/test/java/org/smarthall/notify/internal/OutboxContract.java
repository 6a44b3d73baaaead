package org.smarthall.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.Consent;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.notify.Notification;
import org.smarthall.api.notify.NotificationAttempt;
import org.smarthall.api.notify.NotificationQuery;
import org.smarthall.api.notify.NotificationRequest;
import org.smarthall.api.notify.NotificationState;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagCount;
import org.smarthall.api.tag.TagResults;
import org.smarthall.channel.apppush.internal.AppPushChannel;
import org.smarthall.channel.apppush.internal.AppPushConfig;
import org.smarthall.store.internal.CustomerRepositoryImpl;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.PiiProtectorService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.AppGatewayPeer;
import org.smarthall.testing.Annotations;

/**
 * The outbox on a real database with the real app-push channel talking HTTP to a gateway peer
 * that counts what reached the app, and recording channels for the routing rules.
 */
abstract class OutboxContract {
    private static final String NODE = "test-node";

    protected abstract DataSource dataSource(String name);

    private DataSource dataSource;
    private DatabaseService database;
    private EntityManagerFactory emf;
    private CustomerRepositoryImpl customers;
    private PiiProtectorService pii;
    private Bindings bindings;
    private ConsentBook consents;
    private AppGatewayPeer peer;
    private final List<Outbox> outboxes = new ArrayList<>();
    private final TestClock clock = new TestClock();

    @BeforeEach
    void setUp() throws Exception {
        dataSource = dataSource("notify_" + Long.toHexString(System.nanoTime()));
        database = new DatabaseService(dataSource, Annotations.of(StoreConfig.class));
        emf = Persistence.createEntityManagerFactory("smarthall", Map.of("javax.persistence.nonJtaDataSource", dataSource));
        pii = new PiiProtectorService(PiiProtectorService.newKey());
        customers = new CustomerRepositoryImpl(emf, database, pii);
        bindings = new Bindings(database, pii);
        consents = new ConsentBook(database);
        peer = new AppGatewayPeer(42);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_customer (account, kind, name, phone_hash,"
                    + " phone_masked, phone_enc, batch_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
                for (int i = 0; i < 20; i++) {
                    String phone = String.format("138%08d", 1000 + i);
                    s.setString(1, account(i));
                    s.setString(2, CustomerKind.PREPAID_RESIDENT.name());
                    s.setString(3, "Customer " + i);
                    s.setString(4, pii.hashPhone(phone));
                    s.setString(5, org.smarthall.api.customer.Pii.maskPhone(phone));
                    s.setString(6, i == 19 ? null : pii.encrypt(phone));
                    s.setTimestamp(7, Timestamp.from(Instant.now()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        for (int i = 0; i < 20; i++) {
            bindings.bind(account(i), "app-push", "app-user-" + (5531900 + i));
        }
    }

    @AfterEach
    void tearDown() {
        outboxes.forEach(Outbox::deactivate);
        peer.close();
        emf.close();
    }

    static String account(int i) {
        return String.format("370100%04d", i);
    }

    // ------------------------------------------------------------------ delivery

    @Test
    void everyMessageReachesTheAppExactlyOnceThroughAGatewayFailingThirtyPercent() {
        peer.failing(0.15, 0.15);
        Outbox outbox = outbox(Map.of("backoffSeconds", 0, "maxAttempts", 40, "threads", 8), appPush());
        int n = 600;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(outbox.submit(new NotificationRequest("bill-" + i, account(i % 19), null, "bill", "app-push", null,
                    Map.of("title", "电费账单"), "本月电费 " + i + " 元", false, false)).notification().id());
        }
        await(Duration.ofSeconds(120), () -> outbox.counts().get(NotificationState.ACCEPTED) == n);

        Map<String, Integer> queued = peer.queued();
        assertEquals(Set.copyOf(ids), queued.keySet(), "every message reached the gateway under its id");
        assertTrue(queued.values().stream().allMatch(q -> q == 1), "none queued twice: " + duplicates(queued));
        assertEquals(n, peer.queuedTotal());
        long failures = peer.failedBefore() + peer.failedAfter();
        System.out.printf("%d messages: %d push calls, %d failed before queuing, %d after (answer lost),"
                + " %d repeats de-duplicated, %d queued%n", n, peer.pushCalls(), peer.failedBefore(), peer.failedAfter(),
                peer.repeats(), peer.queuedTotal());
        assertTrue(failures > n * 0.2, "the gateway failed about 30% of " + peer.pushCalls() + " calls: " + failures);
        assertTrue(peer.repeats() > 0, "retries after a lost answer were de-duplicated by the gateway");
        Notification one = outbox.find(ids.get(0)).orElseThrow();
        assertTrue(one.providerMessageId().startsWith("p_"));
        assertEquals("app-user-5531900".substring(0, 4) + "****00", one.address());
        for (String id : ids.subList(0, 50)) {
            Notification m = outbox.find(id).orElseThrow();
            List<NotificationAttempt> attempts = outbox.attempts(id);
            assertEquals(m.attempts(), attempts.size(), "one attempt row per send");
            assertEquals("ACCEPTED", attempts.get(attempts.size() - 1).outcome());
        }
    }

    @Test
    void twoNodesOnOneDatabaseSendEachMessageOnce() {
        Outbox a = outbox(Map.of("threads", 4), NODE + "-a", appPush());
        Outbox b = outbox(Map.of("threads", 4), NODE + "-b", appPush());
        int n = 400;
        for (int i = 0; i < n; i++) {
            (i % 2 == 0 ? a : b).submit(new NotificationRequest(null, account(i % 19), null, "service", "app-push", null,
                    Map.of(), "消息 " + i, false, false));
        }
        await(Duration.ofSeconds(60), () -> a.counts().get(NotificationState.ACCEPTED) == n);
        assertEquals(n, peer.queued().size());
        assertEquals(n, peer.pushCalls(), "no message was handed to the gateway twice");
        assertTrue(a.dispatcher().sends() > 0 && b.dispatcher().sends() > 0, "both nodes sent");
    }

    @Test
    void anIdempotencyKeySubmittedTwiceIsOneMessage() {
        Outbox outbox = outbox(Map.of(), appPush());
        var first = outbox.submit(NotificationRequest.toCustomer("outage-0601-" + account(1), account(1), "outage", "停电通知"));
        var second = outbox.submit(NotificationRequest.toCustomer("outage-0601-" + account(1), account(1), "outage", "停电通知 again"));
        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.notification().id(), second.notification().id());
        await(Duration.ofSeconds(20), () -> peer.queuedTotal() == 1);
        assertEquals(1, outbox.list(new NotificationQuery(account(1), null, null, null, 0, 10)).size());
    }

    @Test
    void aBadRequestNamesEveryFieldAtFaultAndStoresNothing() {
        Outbox outbox = outbox(Map.of(), appPush());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> outbox.submit(new NotificationRequest(
                "k".repeat(200), "9999999999", null, "spam", "SMS!", null, Map.of(), null, false, false)));
        Set<String> fields = e.violations().stream().map(InvalidInputException.Violation::field).collect(Collectors.toSet());
        assertEquals(Set.of("purpose", "account", "channel", "text", "idempotencyKey"), fields, e.getMessage());
        InvalidInputException both = assertThrows(InvalidInputException.class, () -> outbox.submit(new NotificationRequest(
                null, account(1), "H01", "service", null, null, Map.of(), "x", false, false)));
        assertEquals("hall", both.violations().get(0).field());
        assertEquals(0L, outbox.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aMessageSubmittedInARolledBackTransactionIsNeverSent() throws SQLException {
        Outbox outbox = outbox(Map.of(), appPush());
        String[] id = new String[1];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            id[0] = outbox.submit(c, NotificationRequest.toCustomer(null, account(2), "bill", "账单")).notification().id();
            c.rollback();
        }
        String kept;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            kept = outbox.submit(c, NotificationRequest.toCustomer(null, account(3), "bill", "账单")).notification().id();
            c.commit();
        }
        await(Duration.ofSeconds(20), () -> peer.queued().containsKey(kept));
        assertTrue(outbox.find(id[0]).isEmpty());
        assertFalse(peer.queued().containsKey(id[0]));
    }

    @Test
    void aBadBindingIsRefusedNamingTheFieldAndKeepsTheOldOne() {
        InvalidInputException email = assertThrows(InvalidInputException.class,
                () -> bindings.bind(account(3), "email", "not-an-address"));
        assertEquals("address", email.violations().get(0).field());
        InvalidInputException sms = assertThrows(InvalidInputException.class,
                () -> bindings.bind(account(3), "sms", "13800001003"));
        assertEquals("channel", sms.violations().get(0).field());
        InvalidInputException app = assertThrows(InvalidInputException.class,
                () -> bindings.bind(account(3), "app-push", "x y"));
        assertEquals("address", app.violations().get(0).field());
        assertEquals(List.of("app-push"), bindings.of(account(3)).stream().map(Bindings.Binding::channel).toList());
        assertEquals("app-user-5531903", bindings.address(account(3), "app-push").orElseThrow());
    }

    // ------------------------------------------------------------------ consent

    @Test
    void noReminderGoesOutWithoutTheConsentItNeeds() {
        RecordingChannel wechat = new RecordingChannel("wechat");
        RecordingChannel sms = new RecordingChannel("sms");
        Outbox outbox = outbox(Map.of(), appPush(), wechat, sms);
        bindings.bind(account(4), "wechat", "oWx_customer_0004");
        // 5 subscribed to reminders on WeChat in the hall; 6 subscribed on the app, then withdrew
        consents.record(new Consent(account(5), "purchase_reminder", "wechat", true, null, "hall_form"));
        bindings.bind(account(5), "wechat", "oWx_customer_0005");
        consents.record(new Consent(account(6), "purchase_reminder", "app", true, Instant.now().minusSeconds(3600), "app"));
        consents.record(new Consent(account(6), "purchase_reminder", "app", false, null, "95598"));

        String none = reminder(outbox, 4);
        String subscribed = reminder(outbox, 5);
        String withdrawn = reminder(outbox, 6);
        String marketing = outbox.submit(NotificationRequest.toCustomer(null, account(7), "marketing", "峰谷电价推荐"))
                .notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(subscribed).orElseThrow().state() == NotificationState.ACCEPTED
                && outbox.find(none).orElseThrow().state().done() && outbox.find(withdrawn).orElseThrow().state().done()
                && outbox.find(marketing).orElseThrow().state().done());

        assertEquals(NotificationState.SUPPRESSED, outbox.find(none).orElseThrow().state());
        assertTrue(outbox.find(none).orElseThrow().reason().contains("not subscribed to purchase_reminder"),
                outbox.find(none).orElseThrow().reason());
        assertEquals(NotificationState.SUPPRESSED, outbox.find(withdrawn).orElseThrow().state());
        assertTrue(outbox.find(withdrawn).orElseThrow().reason().contains("app-push: consent withdrawn"));
        assertEquals(NotificationState.SUPPRESSED, outbox.find(marketing).orElseThrow().state(), "marketing is opt-in");
        assertEquals("wechat", outbox.find(subscribed).orElseThrow().channel());
        assertEquals(1, wechat.sent.size());
        assertEquals(0, sms.sent.size());
        assertEquals(0, peer.pushCalls(), "nothing went to the app without consent");
        assertEquals("SUPPRESSED", outbox.attempts(none).get(0).outcome());
    }

    private static String reminder(Outbox outbox, int i) {
        return outbox.submit(new NotificationRequest(null, account(i), null, "purchase_reminder", null, null,
                Map.of("balance", "18.40"), "余额不足 20 元，请及时购电", false, true)).notification().id();
    }

    @Test
    void aPersonWhoRefusesOnAChannelIsRecordedWithdrawnAndReachedOnTheNext() {
        RecordingChannel wechat = new RecordingChannel("wechat").answering(
                m -> new SendResult(SendResult.Outcome.REFUSED_BY_RECIPIENT, null, "43101 user refuse to accept the msg", null));
        RecordingChannel sms = new RecordingChannel("sms");
        Outbox outbox = outbox(Map.of("fallbackOrder", "wechat, sms"), wechat, sms);
        bindings.bind(account(8), "wechat", "oWx_customer_0008");
        String id = outbox.submit(NotificationRequest.toCustomer(null, account(8), "arrears", "您有欠费")).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().state() == NotificationState.ACCEPTED);
        Notification n = outbox.find(id).orElseThrow();
        assertEquals("sms", n.channel());
        assertEquals("138****1008", n.address());
        assertEquals("13800001008", sms.sent.get(0).address(), "the SMS goes to the decrypted phone");
        Consent withdrawn = consents.of(account(8)).stream().filter(c -> c.channel().equals("wechat")).findFirst().orElseThrow();
        assertFalse(withdrawn.granted());
        assertEquals("provider", withdrawn.place());
        assertEquals(List.of("REFUSED_BY_RECIPIENT", "ACCEPTED"),
                outbox.attempts(id).stream().map(NotificationAttempt::outcome).toList());

        // the next arrears message does not try WeChat at all
        String next = outbox.submit(NotificationRequest.toCustomer(null, account(8), "arrears", "再次提醒")).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(next).orElseThrow().state() == NotificationState.ACCEPTED);
        assertEquals(1, wechat.sent.size());
    }

    // ------------------------------------------------------------------ routing

    @Test
    void thePreferredChannelOfTheTagComesFirstThenTheFallbackOrder() {
        RecordingChannel email = new RecordingChannel("email");
        RecordingChannel wechat = new RecordingChannel("wechat");
        Outbox outbox = outbox(Map.of("fallbackOrder", "wechat, app-push, sms, email"), appPush(), email, wechat);
        bindings.bind(account(9), "email", "li.ming@example.cn");
        outbox.tags = tags(Map.of(account(9), List.of(tag("preferred", "email"), tag("ranking", "email,hall,app"))));
        String preferred = outbox.submit(NotificationRequest.toCustomer(null, account(9), "bill", "账单")).notification().id();
        // no tag, no WeChat binding: the first fallback with an address is the app
        String fallback = outbox.submit(NotificationRequest.toCustomer(null, account(10), "bill", "账单")).notification().id();
        // no phone and the app binding removed: nowhere to send
        bindings.unbind(account(19), "app-push");
        String nowhere = outbox.submit(NotificationRequest.toCustomer(null, account(19), "bill", "账单")).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(preferred).orElseThrow().state().ordinal() >= 2
                && outbox.find(fallback).orElseThrow().state().ordinal() >= 2 && outbox.find(nowhere).orElseThrow().state().done());
        assertEquals("email", outbox.find(preferred).orElseThrow().channel());
        assertEquals("l***@example.cn", outbox.find(preferred).orElseThrow().address());
        assertEquals("app-push", outbox.find(fallback).orElseThrow().channel());
        Notification failed = outbox.find(nowhere).orElseThrow();
        assertEquals(NotificationState.FAILED, failed.state());
        assertTrue(failed.reason().startsWith("no address"), failed.reason());
        assertEquals(0, wechat.sent.size());
    }

    @Test
    void aMessageWaitsForItsChannelToBeInstalled() {
        Outbox outbox = outbox(Map.of("fallbackOrder", "app-push"));
        String id = outbox.submit(NotificationRequest.toCustomer(null, account(11), "service", "业务办结")).notification().id();
        await(Duration.ofSeconds(10), () -> outbox.find(id).orElseThrow().reason() != null);
        Notification waiting = outbox.find(id).orElseThrow();
        assertEquals(NotificationState.PENDING, waiting.state());
        assertTrue(waiting.reason().contains("app-push: not installed"), waiting.reason());
        assertEquals(0, waiting.attempts(), "waiting for a channel is no attempt");
        outbox.addChannel(appPush());
        clock.advance(Duration.ofSeconds(11));
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().state() == NotificationState.ACCEPTED);
    }

    // ------------------------------------------------------------------ quiet hours, retries, receipts

    @Test
    void quietHoursHoldAMessageUntilMorningButNotAnOutage() {
        clock.set(java.time.ZonedDateTime.of(2026, 11, 23, 23, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
        RecordingChannel screen = new RecordingChannel("hall-screen");
        Outbox outbox = outbox(Map.of("quietHours", "21:00-08:00"), appPush(), screen);
        String bill = outbox.submit(NotificationRequest.toCustomer(null, account(12), "bill", "账单")).notification().id();
        String outage = outbox.submit(NotificationRequest.toCustomer(null, account(13), "outage", "计划停电")).notification().id();
        String hall = outbox.submit(new NotificationRequest(null, null, "H01", "service", null, null, Map.of(), "请 A012 到 3 号窗口",
                false, false)).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(outage).orElseThrow().state() == NotificationState.ACCEPTED
                && outbox.find(hall).orElseThrow().state() == NotificationState.ACCEPTED
                && outbox.find(bill).orElseThrow().reason() != null);
        Notification held = outbox.find(bill).orElseThrow();
        assertEquals(NotificationState.PENDING, held.state());
        assertEquals(java.time.ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
                held.nextAttempt());
        assertTrue(held.reason().startsWith("quiet hours"), held.reason());
        assertTrue(outbox.find(outage).orElseThrow().urgent(), "outage is an urgent purpose");
        assertEquals("H01", screen.sent.get(0).address());

        clock.set(java.time.ZonedDateTime.of(2026, 11, 24, 8, 0, 1, 0, ZoneId.of("Asia/Shanghai")).toInstant());
        outbox.dispatcher().wake();
        await(Duration.ofSeconds(20), () -> outbox.find(bill).orElseThrow().state() == NotificationState.ACCEPTED);
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredWithTheReason() {
        RecordingChannel sms = new RecordingChannel("sms")
                .answering(m -> SendResult.retry("Kannel 503: Temporary failure, try again later", null));
        Outbox outbox = outbox(Map.of("backoffSeconds", 0, "maxAttempts", 3), sms);
        String id = outbox.submit(new NotificationRequest(null, account(14), null, "arrears", "sms", null, Map.of(), "欠费提醒",
                false, false)).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().state() == NotificationState.FAILED);
        Notification dead = outbox.find(id).orElseThrow();
        assertEquals(3, dead.attempts());
        assertEquals("gave up after 3 attempts: Kannel 503: Temporary failure, try again later", dead.reason());
        assertNull(dead.nextAttempt());
        assertEquals(3, sms.sent.size());
        // staff resend it once the gateway is back
        sms.answering(m -> SendResult.accepted("kannel-1"));
        assertEquals(NotificationState.PENDING, outbox.retry(id, "manager").state());
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().state() == NotificationState.ACCEPTED);
        assertThrows(ConflictException.class, () -> outbox.retry(id, "manager"));
    }

    @Test
    void theBackoffDoublesUpToItsCeilingAndHonoursRetryAfter() {
        RecordingChannel sms = new RecordingChannel("sms")
                .answering(m -> SendResult.retry("throttled", Duration.ofSeconds(600)));
        Outbox outbox = outbox(Map.of("backoffSeconds", 5, "backoffMaxSeconds", 3600), sms);
        String id = outbox.submit(new NotificationRequest(null, account(15), null, "bill", "sms", null, Map.of(), "账单",
                false, false)).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().attempts() == 1
                && outbox.find(id).orElseThrow().state() == NotificationState.PENDING);
        Notification n = outbox.find(id).orElseThrow();
        long wait = Duration.between(n.updatedAt(), n.nextAttempt()).toSeconds();
        assertEquals(600, wait, "Retry-After beats a 5 s backoff");
        NotifySettings s = NotifySettings.of(Annotations.of(NotifyConfig.class, Map.of("backoffSeconds", 5, "backoffMaxSeconds", 60)));
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L),
                List.of(1, 2, 3, 4, 5, 9).stream().map(a -> s.backoffAfter(a).toSeconds()).toList());
    }

    @Test
    void aChannelHeldByItsRateLimitDoesNotHoldUpTheOthers() {
        RecordingChannel sms = new RecordingChannel("sms");
        Outbox outbox = outbox(Map.of("rateLimits", "sms:2", "threads", 2, "batch", 200), sms, appPush());
        for (int i = 0; i < 60; i++) {
            outbox.submit(new NotificationRequest(null, account(i % 19), null, "bill", "sms", null, Map.of(), "账单 " + i,
                    false, false));
        }
        String push = outbox.submit(new NotificationRequest(null, account(1), null, "service", "app-push", null, Map.of(),
                "已受理", false, false)).notification().id();
        await(Duration.ofSeconds(10), () -> outbox.find(push).orElseThrow().state() == NotificationState.ACCEPTED);
        assertTrue(sms.sent.size() < 40, "the SMS are still paced at 2/s: " + sms.sent.size());
    }

    @Test
    void aReceiptMovesAnAcceptedPushToDelivered() {
        peer.deliverOnReceipt(true);
        Outbox outbox = outbox(Map.of("receiptSeconds", 1), appPush());
        String id = outbox.submit(NotificationRequest.toCustomer(null, account(16), "service", "已受理")).notification().id();
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().state() == NotificationState.ACCEPTED);
        clock.advance(Duration.ofSeconds(2));
        await(Duration.ofSeconds(20), () -> outbox.find(id).orElseThrow().state() == NotificationState.DELIVERED);
        assertEquals("RECEIPT", outbox.attempts(id).get(outbox.attempts(id).size() - 1).outcome());
    }

    // ------------------------------------------------------------------ crashes

    @Test
    void aMessageCaughtSendingByACrashIsResentWhereTheProviderDropsDuplicatesAndHeldElsewhere() throws SQLException {
        // what a node killed in mid-send leaves: claims of its former run, leases still running
        String app = sending("app-push", account(17));
        String sms = sending("sms", account(18));
        peer.failing(0, 0);
        RecordingChannel smsChannel = new RecordingChannel("sms");
        // the app gateway had already queued the push before the crash
        Outbox outbox = outbox(Map.of(), appPush(), smsChannel);
        await(Duration.ofSeconds(20), () -> outbox.find(app).orElseThrow().state() == NotificationState.ACCEPTED
                && outbox.find(sms).orElseThrow().state() == NotificationState.IN_DOUBT);
        assertEquals(1, peer.queued().get(app));
        assertEquals(0, smsChannel.sent.size(), "an SMS that may have gone is not sent again by itself");
        Notification doubt = outbox.find(sms).orElseThrow();
        assertTrue(doubt.reason().contains("cannot drop a duplicate"), doubt.reason());
        List<String> outcomes = outbox.attempts(app).stream().map(NotificationAttempt::outcome).toList();
        assertEquals(List.of("RESENT", "ACCEPTED"), outcomes);
        outbox.retry(sms, "manager");
        await(Duration.ofSeconds(20), () -> outbox.find(sms).orElseThrow().state() == NotificationState.ACCEPTED);
        assertEquals(1, smsChannel.sent.size());
    }

    /** A message a former run of this node claimed and never finished. */
    private String sending(String channel, String account) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            OutboxStore.insert(c, new OutboxStore.Row(id, id, account, null, "service", channel, channel, "****", null,
                    Map.of("title", "t"), "crash", false, false, NotificationState.SENDING, 1, now,
                    now.plusSeconds(600), NODE + "/former-run", null, null, now, now, null));
        }
        if ("app-push".equals(channel)) {
            // it reached the gateway before the crash
            AppPushChannel direct = appPush();
            direct.send(new org.smarthall.api.notify.OutboundMessage(id, account, "service",
                    bindings.address(account, "app-push").orElseThrow(), null, Map.of("title", "t"), "crash", false));
        }
        return id;
    }

    // ------------------------------------------------------------------ helpers

    private AppPushChannel appPush() {
        Map<String, Object> config = new HashMap<>();
        config.put("baseUrl", peer.baseUrl());
        config.put("_apiKey", peer.apiKey());
        config.put("requestTimeoutMillis", 2000);
        return new AppPushChannel(Annotations.of(AppPushConfig.class, config));
    }

    private Outbox outbox(Map<String, Object> config, org.smarthall.api.notify.NotificationChannel... channels) {
        return outbox(config, NODE, channels);
    }

    private Outbox outbox(Map<String, Object> config, String node, org.smarthall.api.notify.NotificationChannel... channels) {
        Map<String, Object> values = new HashMap<>();
        values.put("quietHours", "");
        values.put("pollMillis", 50);
        values.putAll(config);
        Outbox outbox = new Outbox(database, customers, bindings, NotifySettings.of(Annotations.of(NotifyConfig.class, values)),
                clock, node);
        for (var channel : channels) {
            outbox.addChannel(channel);
        }
        outbox.start();
        outboxes.add(outbox);
        return outbox;
    }

    private static CustomerTag tag(String dimension, String value) {
        return new CustomerTag("channel-preference", "1.0.0", dimension, value, 0.8, "test", 1, Instant.now());
    }

    private static TagResults tags(Map<String, List<CustomerTag>> byAccount) {
        return new TagResults() {
            @Override
            public List<CustomerTag> of(String account) {
                return byAccount.getOrDefault(account, List.of());
            }

            @Override
            public List<TagCount> distribution(String theme) {
                return List.of();
            }
        };
    }

    private static String duplicates(Map<String, Integer> queued) {
        return queued.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::toString)
                .collect(Collectors.joining(", "));
    }

    static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The real clock, moved by the test. */
    static final class TestClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        void set(Instant at) {
            offset = Duration.between(Instant.now(), at);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
