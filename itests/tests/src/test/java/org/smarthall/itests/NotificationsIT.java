package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.smarthall.testing.AppGatewayPeer;
import org.smarthall.testing.KarafProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outbox in the distribution as the operating system runs it, sending to the app gateway
 * peer in this JVM, which counts what reached the app: the REST contract first, then a
 * 10,000-message run with Karaf killed by SIGKILL in the middle and restarted.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class NotificationsIT {
    private static final int N = 10_000;
    private static final int CUSTOMERS = 40;

    private static AppGatewayPeer peer;
    private static KarafProcess karaf;
    private static Http http;
    private static List<String> accounts;

    @BeforeClass
    public static void bootWithASmallProvinceAndTheAppGateway() throws Exception {
        peer = new AppGatewayPeer(7);
        karaf = KarafProcess.unpack(Path.of(System.getProperty("smarthall.distribution")),
                Path.of(System.getProperty("itest.work"), "notifications"));
        karaf.setProperty("etc/org.smarthall.demo.cfg", "residents", "1000");
        karaf.setProperty("etc/org.smarthall.demo.cfg", "halls", "1");
        karaf.setProperty("etc/org.smarthall.demo.cfg", "eventDays", "1");
        karaf.setProperty("etc/org.smarthall.demo.cfg", "tagAfterLoad", "false");
        karaf.setProperty("etc/org.smarthall.channel.apppush.cfg", "baseUrl", peer.baseUrl());
        karaf.setProperty("etc/org.smarthall.channel.apppush.cfg", ".apiKey", peer.apiKey());
        // the run must not depend on the hour CI runs at
        karaf.setProperty("etc/org.smarthall.notify.cfg", "quietHours", "");
        karaf.setProperty("etc/org.smarthall.notify.cfg", "rateLimits", "app-push:5000");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(120));
        http = new Http(karaf.httpPort());
        accounts = Poll.until(Duration.ofMinutes(5), "the demo customers", () -> {
            Http.Reply r = http.get(http.api("/customers?q=37&limit=" + CUSTOMERS), "staff", "staff-demo");
            if (r.status() != 200 || r.json().get("items").size() < CUSTOMERS) {
                return null;
            }
            List<String> list = new ArrayList<>();
            r.json().get("items").forEach(c -> list.add(c.get("account").asText()));
            return list;
        });
        Poll.until(Duration.ofSeconds(60), "the outbox and the app-push channel", () -> {
            Http.Reply doc = http.get(http.api("/plugins"), "analyst", "analyst-demo");
            return doc.status() == 200 && doc.body().contains("\"app-push\"") && doc.body().contains("ACTIVE")
                    && http.get(http.api("/notifications/counts"), "manager", "manager-demo").status() == 200 ? true : null;
        });
        for (int i = 0; i < accounts.size(); i++) {
            Http.Reply r = http.send("PUT", http.api("/customers/" + accounts.get(i) + "/bindings/app-push"), "staff",
                    "staff-demo", "{\"address\":\"app-user-" + (7700000 + i) + "\"}", "application/json");
            assertEquals(r.body(), 200, r.status());
        }
    }

    @AfterClass
    public static void stop() {
        if (karaf != null) {
            karaf.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    public void a_theRestContractOfTheOutbox() {
        String account = accounts.get(0);
        // a bad body: 400 problem+json naming each field; nothing stored
        Http.Reply bad = http.post(http.api("/notifications"), "staff", "staff-demo",
                "{\"account\":\"" + account + "\",\"purpose\":\"spam\"}");
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertTrue(bad.body(), bad.body().contains("purpose") && bad.body().contains("text"));
        Http.Reply notJson = http.post(http.api("/notifications"), "staff", "staff-demo", "{\"account\":");
        assertEquals(notJson.body(), 400, notJson.status());
        // roles
        assertEquals(401, http.post(http.api("/notifications"), null, null, "{}").status());
        assertEquals(403, http.post(http.api("/notifications"), "kiosk", "kiosk-demo", "{}").status());
        assertEquals(403, http.get(http.api("/notifications/counts"), "staff", "staff-demo").status());

        // submit, then the same key again
        String body = "{\"idempotencyKey\":\"it-bill-1\",\"account\":\"" + account + "\",\"purpose\":\"bill\","
                + "\"channel\":\"app-push\",\"text\":\"本月电费 86.20 元\",\"parameters\":{\"title\":\"电费账单\"}}";
        Http.Reply created = http.post(http.api("/notifications"), "staff", "staff-demo", body);
        assertEquals(created.body(), 201, created.status());
        String id = created.json().get("id").asText();
        Http.Reply again = http.post(http.api("/notifications"), "staff", "staff-demo", body);
        assertEquals(200, again.status());
        assertEquals(id, again.json().get("id").asText());
        JsonNode sent = Poll.until(Duration.ofSeconds(30), "the message to be accepted", () -> {
            JsonNode n = http.get(http.api("/notifications/" + id), "staff", "staff-demo").json();
            return "ACCEPTED".equals(n.get("state").asText()) ? n : null;
        });
        assertEquals("app-push", sent.get("channel").asText());
        assertEquals("app-****00", sent.get("address").asText());
        assertEquals(1, (int) peer.queued().get(id));
        JsonNode attempts = http.get(http.api("/notifications/" + id + "/attempts"), "staff", "staff-demo").json();
        assertEquals("ACCEPTED", attempts.get(attempts.size() - 1).get("outcome").asText());
        JsonNode page = http.get(http.api("/notifications?customer=" + account), "staff", "staff-demo").json();
        assertEquals(1, page.get("total").asInt());

        // consent: a reminder that needs a subscription is suppressed until the customer subscribes
        String reminder = "{\"account\":\"" + accounts.get(1) + "\",\"purpose\":\"purchase_reminder\",\"requireConsent\":true,"
                + "\"channel\":\"app-push\",\"text\":\"余额 18.40 元，请及时购电\"}";
        String suppressed = http.post(http.api("/notifications"), "staff", "staff-demo", reminder).json().get("id").asText();
        Poll.until(Duration.ofSeconds(30), "the reminder to be suppressed", () -> "SUPPRESSED".equals(
                http.get(http.api("/notifications/" + suppressed), "staff", "staff-demo").json().get("state").asText()) ? true : null);
        assertFalse(peer.queued().containsKey(suppressed));
        Http.Reply badConsent = http.send("PUT", http.api("/customers/" + accounts.get(1) + "/consents"), "staff", "staff-demo",
                "[{\"purpose\":\"purchase_reminder\",\"channel\":\"app\",\"granted\":true,\"place\":\"moon\"}]", "application/json");
        assertEquals(badConsent.body(), 400, badConsent.status());
        assertTrue(badConsent.body().contains("[0].place"));
        Http.Reply consent = http.send("PUT", http.api("/customers/" + accounts.get(1) + "/consents"), "staff", "staff-demo",
                "[{\"purpose\":\"purchase_reminder\",\"channel\":\"app\",\"granted\":true,\"place\":\"hall_form\"}]",
                "application/json");
        assertEquals(consent.body(), 200, consent.status());
        assertTrue(consent.body().contains("\"purchase_reminder\""));
        String allowed = http.post(http.api("/notifications"), "staff", "staff-demo", reminder).json().get("id").asText();
        Poll.until(Duration.ofSeconds(30), "the subscribed reminder to go", () -> "ACCEPTED".equals(
                http.get(http.api("/notifications/" + allowed), "staff", "staff-demo").json().get("state").asText()) ? true : null);
        assertEquals(1, (int) peer.queued().get(allowed));
    }

    @Test
    public void a_aHallScreenGetsItsHallsMessagesOverServerSentEvents() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("kiosk:kiosk-demo".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(http.api("/halls/H07/screen/stream"))).header("Authorization", auth)
                .header("Accept", "text/event-stream").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        String id = http.post(http.api("/notifications"), "staff", "staff-demo", "{\"hall\":\"H07\",\"purpose\":\"service\","
                + "\"text\":\"请 A012 号到 3 号窗口\"}").json().get("id").asText();
        String data = Poll.until(Duration.ofSeconds(30), "the event on the screen", () -> {
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                if (line.startsWith("data:") && line.contains(id)) {
                    return line;
                }
            }
            return null;
        });
        assertTrue(data, data.contains("请 A012 号到 3 号窗口"));
        JsonNode sent = Poll.until(Duration.ofSeconds(30), "the hall message to be delivered", () -> {
            JsonNode n = http.get(http.api("/notifications/" + id), "staff", "staff-demo").json();
            return "DELIVERED".equals(n.get("state").asText()) ? n : null;
        });
        assertEquals("hall-screen", sent.get("channel").asText());
        assertEquals(403, http.get(http.api("/halls/H07/screen/stream"), "analyst", "analyst-demo").status());
        stream.body().close();
    }

    @Test
    public void b_killedDuringATenThousandMessageRunEveryMessageIsDeliveredExactlyOnce() throws Exception {
        long before = peer.queuedTotal();
        Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
        ExecutorService posters = Executors.newFixedThreadPool(4);
        AtomicInteger refused = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            posters.execute(() -> {
                for (int i = thread; i < N; i += 4) {
                    try {
                        Http.Reply r = http.post(http.api("/notifications"), "staff", "staff-demo", message(i));
                        if (r.status() == 201 || r.status() == 200) {
                            acknowledged.put(i, r.status());
                        }
                    } catch (RuntimeException e) {
                        refused.incrementAndGet(); // Karaf is down
                    }
                }
            });
        }
        int queuedAtKill = Poll.until(Duration.ofMinutes(3), "a third of the run to reach the app", () -> {
            long q = peer.queuedTotal() - before;
            return q >= N / 3 ? (int) q : null;
        });
        karaf.kill();
        assertFalse(karaf.alive());
        posters.shutdown();
        assertTrue(posters.awaitTermination(5, TimeUnit.MINUTES));
        assertTrue("killed midway: " + queuedAtKill + " of " + N + " had reached the app", queuedAtKill < N);

        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(120));
        Poll.until(Duration.ofSeconds(60), "the outbox to be served again", () ->
                http.get(http.api("/notifications/counts"), "manager", "manager-demo").status() == 200 ? true : null);
        // callers whose submit was cut off submit again with the same key; a sample of the
        // acknowledged ones too: the outbox answers those 200 and stores nothing new
        int resubmitted = 0;
        for (int i = 0; i < N; i++) {
            if (!acknowledged.containsKey(i) || i % 50 == 0) {
                int index = i;
                // while the whiteboard still adds resources it rebuilds the application: a few 404s
                Http.Reply r = Poll.until(Duration.ofSeconds(60), "a submit to be answered", () -> {
                    Http.Reply reply = http.post(http.api("/notifications"), "staff", "staff-demo", message(index));
                    return reply.status() == 404 || reply.status() == 503 ? null : reply;
                });
                assertTrue(r.body(), r.status() == 201 || r.status() == 200);
                if (acknowledged.containsKey(i)) {
                    assertEquals("an acknowledged submit is kept across the kill", 200, r.status());
                }
                resubmitted++;
            }
        }
        JsonNode counts = Poll.until(Duration.ofMinutes(5), "every message to be accepted", () -> {
            JsonNode c = http.get(http.api("/notifications/counts"), "manager", "manager-demo").json();
            return c.get("ACCEPTED").asLong() >= N + 2 ? c : null;
        });
        Map<String, Integer> queued = peer.queued();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < N; i += 997) {
            ids.add(http.post(http.api("/notifications"), "staff", "staff-demo", message(i)).json().get("id").asText());
        }
        assertTrue("each sampled message reached the app", queued.keySet().containsAll(ids));
        assertEquals("no message reached the app twice", Set.of(1), Set.copyOf(queued.values()));
        assertEquals("every message reached the app", N, peer.queuedTotal() - before);
        assertEquals(N + 2, counts.get("ACCEPTED").asLong());
        assertEquals(0, counts.get("PENDING").asLong() + counts.get("SENDING").asLong() + counts.get("FAILED").asLong()
                + counts.get("IN_DOUBT").asLong());
        System.out.printf("kill -9 at %d of %d messages at the app; %d submits cut off, %d resubmitted; gateway saw %d push"
                + " calls, %d repeats de-duplicated%n", queuedAtKill, N, N - acknowledged.size(), resubmitted,
                peer.pushCalls(), peer.repeats());
    }

    private static String message(int i) {
        return "{\"idempotencyKey\":\"kill-run-" + i + "\",\"account\":\"" + accounts.get(i % CUSTOMERS)
                + "\",\"purpose\":\"service\",\"channel\":\"app-push\",\"text\":\"业务进度通知 " + i
                + "\",\"parameters\":{\"title\":\"国网电力\"}}";
    }
}
