package org.smarthall.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.smarthall.testing.KarafProcess;

/**
 * Zone events through {@code POST /halls/{hall}/zone-events} of the running distribution (Derby
 * embedded), as a hall's sensor gateways would send them: batches of new events from several
 * clients at once, over HTTP with Basic credentials. Prints events per second and the latency
 * of a batch. Goal: at least 20,000 events per second.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -q -f bench/pom.xml exec:java@zone-ingest [-Dbatches=400] [-Dbatch=1000] [-Dclients=4]
 * </pre>
 */
public final class ZoneIngestBench {
    private static final String HALL = "BENCH-01";
    private static final String[] PATH = {"entrance", "guidance", "waiting", "counter", "payment"};

    public static void main(String[] args) throws Exception {
        int batches = Integer.getInteger("batches", 400);
        int batchSize = Integer.getInteger("batch", 1000);
        int clients = Integer.getInteger("clients", 4);
        int warmup = Integer.getInteger("warmup", 40);
        Path distribution = Path.of(System.getProperty("smarthall.distribution"));
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"), "zone-ingest");
        System.out.printf(Locale.ROOT, "SmartHall zone-event ingest benchmark: %d batches of %d events from %d clients"
                + " (after %d warm-up batches), Derby embedded%n", batches, batchSize, clients, warmup);
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try (KarafProcess karaf = KarafProcess.unpack(distribution, work)) {
            karaf.setProperty("etc/org.smarthall.demo.cfg", "loadOnFirstBoot", "false");
            if (Boolean.getBoolean("profile")) {
                karaf.environment("EXTRA_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + work.resolve("karaf.jfr")
                        + ",settings=profile");
            }
            karaf.start();
            karaf.awaitHealthy(Duration.ofMinutes(3));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            createHall(http, karaf);

            Instant start = Instant.now().minus(Duration.ofHours(20));
            AtomicLong sequence = new AtomicLong();
            for (int i = 0; i < warmup; i++) {
                post(http, karaf, batch(start, sequence.getAndIncrement(), batchSize));
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong accepted = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<?>> work1 = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work1.add(pool.submit(() -> {
                    long n;
                    while ((n = sequence.getAndIncrement()) < warmup + batches) {
                        String body = batch(start, n, batchSize);
                        long b0 = System.nanoTime();
                        accepted.addAndGet(post(http, karaf, body));
                        latencies.add(System.nanoTime() - b0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work1) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            List<Long> sorted = latencies.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%,d events stored in %.1f s = %,.0f events/s (goal >= 20,000)%n",
                    accepted.get(), seconds, accepted.get() / seconds);
            System.out.printf(Locale.ROOT, "batch latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
            if (accepted.get() != (long) batches * batchSize) {
                throw new IllegalStateException("stored " + accepted.get() + " of " + (long) batches * batchSize);
            }
        }
    }

    /** Visits of five zones each (an enter and a leave per zone), new visitors in every batch. */
    private static String batch(Instant start, long n, int size) {
        StringBuilder json = new StringBuilder(size * 96).append('[');
        for (int i = 0; i < size; i++) {
            long visit = n * size + i;
            int step = (int) (visit % (PATH.length * 2));
            String visitor = "v" + (visit / (PATH.length * 2)) + "-" + n;
            Instant at = start.plusSeconds(n * 60 + i % 60).plusMillis(step * 7L);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"zone\":\"").append(PATH[step / 2]).append("\",\"visitor\":\"").append(visitor)
                    .append("\",\"kind\":\"").append(step % 2 == 0 ? "enter" : "leave").append("\",\"at\":\"")
                    .append(at).append("\"}");
        }
        return json.append(']').toString();
    }

    private static long post(HttpClient http, KarafProcess karaf, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(karaf.api("/halls/" + HALL + "/zone-events"))
                .header("Authorization", basic("kiosk", "kiosk-demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + ": " + r.body());
        }
        int at = r.body().indexOf("\"accepted\":");
        return Long.parseLong(r.body().substring(at + 11).split("[,}]")[0].strip());
    }

    private static void createHall(HttpClient http, KarafProcess karaf) throws Exception {
        String csv = "hall_id,name,region,zones\n" + HALL + ",基准营业厅,370102,entrance;guidance;waiting;counter;payment\n";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r;
        // the import endpoint comes up once JPA is ready, a little after /health
        do {
            r = http.send(HttpRequest.newBuilder(karaf.api("/imports/halls"))
                    .header("Authorization", basic("analyst", "analyst-demo")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                Thread.sleep(200);
            }
        } while (r.statusCode() == 404 && System.nanoTime() < deadline);
        if (r.statusCode() != 202) {
            throw new IllegalStateException("hall import: " + r.statusCode() + " " + r.body());
        }
        URI hall = karaf.api("/halls/" + HALL);
        while (http.send(HttpRequest.newBuilder(hall).header("Authorization", basic("kiosk", "kiosk-demo")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hall was not imported");
            }
            Thread.sleep(100);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
