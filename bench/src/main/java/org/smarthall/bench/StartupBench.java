package org.smarthall.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.smarthall.testing.KarafProcess;

/**
 * Start-up of the SmartHall distribution: from {@code bin/karaf daemon} to the first
 * {@code GET /health} 200, and the resident memory once the node has settled. A cold start is
 * a freshly unpacked distribution (empty data folder: Derby created, schema migrated); a
 * restart reuses the data folder of the previous run.
 *
 * <p>Goal: 15 s or less to the first 200, 600 MB or less resident. The platform is measured
 * with the demo province's first-boot load turned off (it imports 10,000 customers in the
 * background, which is work, not boot); {@code -Ddemo=true} measures with it.
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -q -f bench/pom.xml exec:java@startup [-Druns=3] [-Dsettle=10] [-Ddemo=true]
 * </pre>
 */
public final class StartupBench {

    public static void main(String[] args) {
        Path distribution = Path.of(System.getProperty("smarthall.distribution"));
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"));
        int runs = Integer.getInteger("runs", 3);
        int settleSeconds = Integer.getInteger("settle", 10);
        boolean demo = Boolean.getBoolean("demo");
        System.out.printf("SmartHall start-up benchmark: %s, %d runs, RSS read %d s after the first 200%n",
                distribution.getFileName(), runs, settleSeconds);
        System.out.printf("machine: %d cores, Java %s; demo province load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), demo ? "on" : "off");

        List<Double> cold = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (KarafProcess karaf = KarafProcess.unpack(distribution, work.resolve("run-" + run))) {
                karaf.setProperty("etc/org.smarthall.demo.cfg", "loadOnFirstBoot", String.valueOf(demo));
                karaf.start();
                Duration first = karaf.awaitHealthy(Duration.ofMinutes(3));
                sleep(settleSeconds);
                double mb = karaf.residentKb() / 1024.0;
                karaf.stop();
                karaf.start();
                Duration again = karaf.awaitHealthy(Duration.ofMinutes(3));
                karaf.stop();
                cold.add(first.toMillis() / 1000.0);
                restart.add(again.toMillis() / 1000.0);
                rss.add(mb);
                System.out.printf(Locale.ROOT, "run %d: cold start %.2f s, restart %.2f s, RSS after boot %.0f MB%n", run,
                        first.toMillis() / 1000.0, again.toMillis() / 1000.0, mb);
            }
        }
        System.out.printf(Locale.ROOT, "median: cold start %.2f s (goal <= 15), restart %.2f s, RSS %.0f MB (goal <= 600)%n",
                median(cold), median(restart), median(rss));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
