package org.smarthall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.NotificationRequest;
import org.smarthall.api.notify.NotificationState;
import org.smarthall.api.notify.OutboundMessage;
import org.smarthall.api.notify.SendResult;
import org.smarthall.channel.email.internal.EmailChannel;
import org.smarthall.channel.email.internal.EmailChannelConfig;
import org.smarthall.channel.sms.internal.KannelConfig;
import org.smarthall.channel.sms.internal.SmsChannel;
import org.smarthall.notify.internal.BenchOutbox;
import org.smarthall.notify.internal.Bindings;
import org.smarthall.store.internal.CustomerRepositoryImpl;
import org.smarthall.store.internal.DatabaseService;
import org.smarthall.store.internal.PiiProtectorService;
import org.smarthall.store.internal.StoreConfig;
import org.smarthall.testing.Annotations;
import org.smarthall.testing.KannelPeer;
import org.smarthall.testing.TestDatabases;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * How many messages a second the notification outbox dispatches through the real channels to
 * real peers: the e-mail channel over SMTP to GreenMail (in this JVM), and the SMS channel over
 * smsbox's HTTP send interface to a real Kannel (bearerbox, smsbox and fakesmsc as the SMSC, from
 * the Debian packages {@code kannel} and {@code kannel-extras}; {@link KannelPeer}).
 *
 * <p>The outbox is the bundle's own ({@code Outbox}, {@code Dispatcher}, {@code Router}; opened by
 * {@link BenchOutbox}) on the real store: Derby embedded on disk under
 * {@code target/bench-work/notify} (made anew each run) behind a HikariCP pool as the distribution
 * configures it, with customers in {@code sh_customer} (encrypted phones) and bound e-mail
 * addresses. First an untimed warm-up: rounds through every channel until the JIT compilers are
 * nearly idle (at most {@code notify.warmup.seconds}); on two cores they otherwise take a third of
 * the CPU for the first minute or two. Then each run of a channel with some sending threads empties
 * the outbox tables and does:
 * <ol>
 * <li>warm-up: {@code notify.warmup} messages sent, untimed;</li>
 * <li>live: {@code M} messages submitted one after the other through {@code Outbox.submit} (its
 * own transaction each, as a caller without a transaction) while the dispatcher sends; timed from
 * the first submit to the last submit, to the last message ACCEPTED ({@code counts()} polled,
 * seldom while far off and every 10 ms near the end) and to the last one at the peer;</li>
 * <li>backlog: a new outbox, {@code M} more submitted with its dispatcher stopped (submit alone),
 * then the dispatcher starts: timed from its start to the last ACCEPTED and the last at the peer.</li>
 * </ol>
 * Figures are printed, never asserted; but the peer must have got each submitted message exactly
 * once (e-mail: the Message-IDs GreenMail stored are exactly the outbox ids; SMS: each run's texts,
 * numbered, once each at fakesmsc), or the bench fails (exit 1): a rate of lost or doubled
 * messages is no rate. CPU is reported per phase for this JVM, the dispatcher's loop thread and
 * sending threads, Kannel's processes and the rest of the machine (another build skews the figures).
 *
 * <p>The product's own pacing is raised out of the way, on purpose, and the output says so: the
 * outbox's {@code rateLimits} to {@value #UNLIMITED} a second per channel, the e-mail channel's
 * {@code maxMessagesPerSecond} and the SMS channel's {@code maxSendsPerSecond} likewise (defaults:
 * outbox email:50 and sms:50, e-mail channel 5/s, SMS channel 10/s), and quiet hours are off (by
 * default 21:00-08:00 China time holds every non-urgent message). Everything else is the outbox's
 * default configuration (8 sending threads, batch 200, poll 500 ms).
 *
 * <pre>
 * mvn -B -DskipTests install
 * mvn -q -f bench/pom.xml exec:exec@notify [-Dnotify.emails=5000 -Dnotify.sms=2000 -Dnotify.customers=1000
 *     -Dnotify.threads=8,16 -Dnotify.batch=200 -Dnotify.warmup=500 -Dnotify.warmup.seconds=90 -Dnotify.channels=email,sms
 *     -Dnotify.pool=hikari|none -Dnotify.greenmail.nodelay=true|false -Dbench.heap=1g]
 * </pre>
 */
public final class NotifyBench {
    private static final int UNLIMITED = 100_000;
    /** Messages per channel and warm-up round through the outbox (and half as many to the channel alone). */
    private static final int WARM_UP_ROUND = 1_000;
    /** JIT compilers under this many cores over a warm-up round: warm enough. */
    private static final double JIT_QUIET = 0.2;
    /** Cores taken by the rest of the machine in a phase above which its figure is marked: something else ran. */
    private static final double BUSY_ELSEWHERE = 0.3;
    private static final long TIMEOUT_NANOS = 600_000_000_000L;
    /** How often the bench asks the outbox's counts() while waiting: every 250 ms, every 10 ms near the end. */
    private static final int POLL_MIN_MILLIS = 10;
    private static final int POLL_MAX_MILLIS = 250;
    /** hikari.maximumPoolSize of the distribution's org.ops4j.datasource-smarthall.cfg. */
    private static final int POOL = 10;
    /** TCP_NODELAY on GreenMail's SMTP connections (see {@link NoDelayGreenMail}); false for GreenMail as it comes. */
    private static final boolean NO_DELAY = !"false".equals(System.getProperty("notify.greenmail.nodelay"));
    private static final String LOOP_THREAD = "smarthall-outbox";
    /** Time spent in the bench's own counts() polls, to show what the polling costs. */
    private static final AtomicLong COUNTS_NANOS = new AtomicLong();
    private static final AtomicLong COUNTS_CALLS = new AtomicLong();
    private static final String SEND_THREADS = "smarthall-outbox-send-";
    private static final String NOTICE = "【国网电力】您本月电费账单已出，请及时缴费。";

    /** One timed phase: submits, ACCEPTED and arrival at the peer, seconds from its start. */
    private record Phase(int messages, double submitSeconds, double acceptedSeconds, double peerSeconds, double wall,
            double cpu, double loopCpu, double sendersCpu, double childrenCpu, double machineCpu,
            Map<String, Double> threadCpu) {
        double submitRate() {
            return messages / submitSeconds;
        }

        double acceptedRate() {
            return messages / acceptedSeconds;
        }

        double peerRate() {
            return messages / peerSeconds;
        }

        /** Cores this JVM kept busy. */
        double cores() {
            return cpu / wall;
        }

        /** Cores kept busy by what is neither this JVM nor its child processes (Kannel): another build, say. */
        double otherCores() {
            return Math.max(0, (machineCpu - cpu - childrenCpu) / wall);
        }
    }

    /** One run of a channel with some sending threads: both phases. */
    private record Result(String channel, int threads, int batch, Phase live, Phase backlog, Phase alone,
            double sendsPerMessage) {
    }

    /** What a run sends through and how it counts at the peer. */
    private interface Peer extends AutoCloseable {
        NotificationChannel channel();

        /** Where the channel reaches customer {@code i} of the bench: their e-mail address or phone number. */
        String address(int i);

        /** How many messages of this run the peer got so far. */
        int counted();

        /** Null when what the peer got is exactly one of each submitted message; what is wrong otherwise. */
        String check(List<String> ids);

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int customerCount = Integer.getInteger("notify.customers", 1_000);
        int emails = Integer.getInteger("notify.emails", 5_000);
        int texts = Integer.getInteger("notify.sms", 2_000);
        List<Integer> threads = Stream.of(System.getProperty("notify.threads", "8,16").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int batch = Integer.getInteger("notify.batch", 200);
        int warmUp = Integer.getInteger("notify.warmup", 500);
        int warmUpSeconds = Integer.getInteger("notify.warmup.seconds", 90);
        Set<String> channels = Set.of(System.getProperty("notify.channels", "email,sms").split(","));
        boolean pooled = !"none".equals(System.getProperty("notify.pool", "hikari"));
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"), "notify").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        // as the distribution configures Derby (etc/system.properties)
        System.setProperty("derby.storage.pageCacheSize", System.getProperty("derby.storage.pageCacheSize", "16000"));
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());

        System.out.printf(Locale.ROOT, "SmartHall notification outbox benchmark: %,d e-mails to GreenMail, %,d SMS to Kannel"
                + " per phase, %,d customers, sending threads %s, batch %d%n", emails, texts, customerCount, threads, batch);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, heap max %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), load());
        System.out.printf("database: Derby embedded on disk in %s, %s%n", work.resolve("derby"), pooled
                ? "through a HikariCP pool of at most " + POOL + " connections as the distribution's"
                        + " org.ops4j.datasource-smarthall.cfg (-Dnotify.pool=none: a new connection each time, as the tests)"
                : "a new connection each time (no pool, as the tests; the distribution pools)");
        System.out.printf("peers: GreenMail in this JVM%s; Kannel %s (bearerbox, smsbox, fakesmsc as the SMSC) as processes%n",
                NO_DELAY ? ", TCP_NODELAY on its SMTP connections (as it comes, its EHLO reply stalls each session"
                        + " about 40 ms: -Dnotify.greenmail.nodelay=false)" : " as it comes (-Dnotify.greenmail.nodelay=false)",
                KannelPeer.installed() ? "from the Debian packages" : "NOT INSTALLED");
        System.out.printf(Locale.ROOT, "raised for the benchmark: outbox rateLimits email:%d, sms:%d (default sms:50, email:50);"
                + " e-mail channel maxMessagesPerSecond %d (default 5); SMS channel maxSendsPerSecond %d (default 10);"
                + " quiet hours off (default 21:00-08:00 holds non-urgent messages); all else the defaults%n", UNLIMITED,
                UNLIMITED, UNLIMITED, UNLIMITED);

        long[] idle0 = machineTicks();
        Thread.sleep(1000);
        long[] idle1 = machineTicks();
        double before = idle1[1] == idle0[1] ? 0 : (double) (idle1[0] - idle0[0]) / (idle1[1] - idle0[1]);
        System.out.printf(Locale.ROOT, "machine busy before the start: %.0f%%%s%n", before * 100, before > 0.2
                ? " -- WARNING: something else is running; the figures will be low (see 'others' below)" : "");

        EmbeddedDataSource derby = TestDatabases.derby(work.resolve("derby"));
        DataSource ds = pooled ? pool(derby) : derby;
        DatabaseService database = new DatabaseService(ds, Annotations.of(StoreConfig.class));
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("smarthall",
                Map.of("javax.persistence.nonJtaDataSource", ds, "eclipselink.logging.level", "WARNING"));
        PiiProtectorService pii = new PiiProtectorService(PiiProtectorService.newKey());
        CustomerRepositoryImpl customers = new CustomerRepositoryImpl(emf, database, pii);
        Bindings bindings = new Bindings(database, pii);
        long c0 = System.nanoTime();
        List<String> accounts = customers(ds, pii, bindings, customerCount);
        System.out.printf(Locale.ROOT, "%,d customers with encrypted phones and bound e-mail addresses in %.1f s%n",
                customerCount, seconds(c0));

        Setup setup = new Setup(ds, database, customers, bindings, accounts, batch, warmUp);
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Function<String, Peer>> peers = new LinkedHashMap<>();
        Map<String, Integer> counts = Map.of("email", emails, "sms", texts);
        if (channels.contains("email") && emails > 0) {
            peers.put("email", NotifyBench::greenMail);
        }
        KannelPeer kannel = null;
        if (channels.contains("sms") && texts > 0) {
            if (!KannelPeer.installed()) {
                failures.add("SMS not measured: Kannel is not installed (apt-get install -y kannel kannel-extras; "
                        + KannelPeer.BEARERBOX + ", " + KannelPeer.SMSBOX + ", " + KannelPeer.FAKESMSC + ")");
            } else {
                kannel = KannelPeer.start();
                System.out.printf("Kannel started: bearerbox, smsbox at %s, fakesmsc as the SMSC%n", kannel.sendUrl());
                KannelPeer gateway = kannel;
                peers.put("sms", run -> kannel(gateway, run));
            }
        }
        try {
            warmUp(setup, peers, threads.get(0), warmUpSeconds);
            int run = 0;
            for (Map.Entry<String, Function<String, Peer>> channel : peers.entrySet()) {
                for (int t : threads) {
                    run(setup, channel.getKey(), ++run, t, counts.get(channel.getKey()), channel.getValue(), results,
                            failures);
                }
            }
        } finally {
            if (kannel != null) {
                kannel.close();
            }
        }
        emf.close();
        if (ds instanceof AutoCloseable pool) {
            pool.close();
        }

        System.out.printf(Locale.ROOT, "%n=== notification outbox, messages per second (%d cores, Derby on disk%s; load average"
                + " now %s)%n", Runtime.getRuntime().availableProcessors(), pooled ? ", pooled" : ", no pool", load());
        System.out.println("                      |        live: submit while sending        |"
                + "        backlog: submit, then send        |   channel alone   |");
        System.out.println("channel threads batch | submit/s ACCEPTED/s at peer/s      cores | submit/s ACCEPTED/s at peer/s"
                + "      cores |  sends/s     cores | sends/message");
        for (Result r : results) {
            Phase l = r.live();
            Phase b = r.backlog();
            Phase a = r.alone();
            System.out.printf(Locale.ROOT, "%-7s %7d %5d | %8.0f %10.0f %9.0f %10s | %8.0f %10.0f %9.0f %10s | %8.0f %9s |"
                    + " %.2f%n",
                    r.channel(), r.threads(), r.batch(), l.submitRate(), l.acceptedRate(), l.peerRate(), cores(l),
                    b.submitRate(), b.acceptedRate(), b.peerRate(), cores(b), a.acceptedRate(), cores(a),
                    r.sendsPerMessage());
        }
        System.out.println("""
                live: M messages submitted one after the other on one thread (Outbox.submit, a transaction each) while
                  the dispatcher sends; ACCEPTED/s: M over the time from the first submit to the last message ACCEPTED
                  (the SMTP server's 250 / smsbox's 202); at peer/s: to the last one GreenMail stored / fakesmsc printed.
                backlog: M more submitted with the dispatcher stopped (submit/s: submitting alone), then it starts;
                  ACCEPTED/s and at peer/s from its start: the dispatcher's rate on its own.
                channel alone: M sends straight to the channel from as many threads, no outbox: the ceiling of the
                  channel and its peer on these cores. cores: CPU of this JVM (outbox, channels, GreenMail) per second
                  of the phase, and in brackets the rest of the machine's but Kannel's (kernel, other processes); a
                  '!' marks over 0.3 cores there: something else ran, and that figure is low.
                What limits the figures: not the product's pacing (raised out of the way, above). Where backlog comes
                  near channel alone, the channel and its peer are the limit (e-mail: a new SMTP connection per message,
                  and GreenMail parsing and storing each one in this JVM); where channel alone is well above, the
                  outbox is (SMS): its one loop thread does per message a consent query and an address query (each on
                  a connection of its own), a claim UPDATE, and on the answer an UPDATE and an INSERT, and keeps at
                  most 2 x threads messages in flight (so a batch over 2 x threads is never claimed at once). Live
                  figures are bounded by the one submitting thread (a customer lookup and a transaction per submit)
                  sharing the cores. Everything shares the same cores, the JIT compiler too (its share is printed).""");
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FAILED: " + f));
            System.exit(1);
        }
        System.exit(0);
    }

    /** This JVM's cores and, in brackets, the rest of the machine's (kernel, other processes; not Kannel). */
    private static String cores(Phase p) {
        return String.format(Locale.ROOT, "%3.1f(+%.1f)%s", p.cores(), p.otherCores(),
                p.otherCores() > BUSY_ELSEWHERE ? "!" : " ");
    }

    /** What every run shares. */
    private record Setup(DataSource ds, DatabaseService database, CustomerRepositoryImpl customers, Bindings bindings,
            List<String> accounts, int batch, int warmUp) {
    }

    private static void run(Setup setup, String channel, int number, int threads, int messages,
            Function<String, Peer> peers, List<Result> results, List<String> failures) throws Exception {
        String runId = channel + "-r" + number + "-t" + threads;
        String what = channel + " threads " + threads;
        emptyOutbox(setup.ds());
        Map<String, Object> config = config(threads, setup.batch());
        List<String> ids = new ArrayList<>(messages * 2 + setup.warmUp());
        try (Peer peer = peers.apply(runId)) {
            Phase live;
            long sends;
            try (BenchOutbox bench = outbox(setup, config, peer)) {
                System.out.printf(Locale.ROOT, "%n--- %s: warm-up of %d, then %,d live and %,d backlog; outbox: %s%n",
                        channel, setup.warmUp(), messages, messages, bench.describe());
                bench.start();
                for (int i = 0; i < setup.warmUp(); i++) {
                    ids.add(submit(bench, setup.accounts(), channel, runId, ids.size()));
                }
                String stuck = await(bench, ids.size());
                if (stuck != null) {
                    failures.add(what + ": warm-up " + stuck);
                    return;
                }
                Usage u = new Usage();
                long t0 = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    ids.add(submit(bench, setup.accounts(), channel, runId, ids.size()));
                }
                double submitted = seconds(t0);
                stuck = await(bench, ids.size());
                double accepted = seconds(t0);
                if (stuck != null) {
                    failures.add(what + " live: " + stuck);
                    return;
                }
                double arrived = arrival(peer, ids.size(), t0);
                live = u.phase(messages, submitted, accepted, arrived);
                print("live", bench, peer, ids.size(), live);
                sends = bench.sends();
            }
            Phase backlog;
            try (BenchOutbox bench = outbox(setup, config, peer)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    ids.add(submit(bench, setup.accounts(), channel, runId, ids.size()));
                }
                double submitted = seconds(t0);
                Usage u = new Usage();
                long t1 = System.nanoTime();
                bench.start();
                String stuck = await(bench, ids.size());
                double accepted = seconds(t1);
                if (stuck != null) {
                    failures.add(what + " backlog: " + stuck);
                    return;
                }
                double arrived = arrival(peer, ids.size(), t1);
                backlog = u.phase(messages, submitted, accepted, arrived);
                print("backlog", bench, peer, ids.size(), backlog);
                sends += bench.sends();
            }
            Phase alone = alone(peer, setup.accounts().size(), threads, messages, runId, ids, true);
            if (alone == null) {
                failures.add(what + " channel alone: a send was not ACCEPTED");
                return;
            }
            Thread.sleep(500); // a late duplicate would show now
            String wrong = peer.check(ids);
            if (wrong != null) {
                failures.add(what + ": " + wrong);
                System.out.println("FAILED: " + wrong);
                return;
            }
            System.out.printf(Locale.ROOT, "the peer got each of the %,d messages exactly once%n", ids.size());
            results.add(new Result(channel, threads, setup.batch(), live, backlog, alone,
                    (double) sends / (ids.size() - messages)));
        }
    }

    /**
     * The channel alone, without the outbox: {@code messages} sends from as many threads as the
     * outbox has, to the same peer; what the channel and the peer do on these cores. Null when a
     * send was not ACCEPTED.
     */
    private static Phase alone(Peer peer, int customers, int threads, int messages, String runId, List<String> ids,
            boolean print) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong refused = new AtomicLong();
        Usage u = new Usage();
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            int n = ids.size();
            String id = runId + "-alone-" + n;
            ids.add(id);
            pool.execute(() -> {
                SendResult r = peer.channel().send(new OutboundMessage(id, String.format("3701%06d", n % customers),
                        "bill", peer.address(n % customers), null, Map.of("subject", "电费账单 " + n),
                        NOTICE + " [" + runId + "-" + n + "]", false));
                if (r.outcome() != SendResult.Outcome.ACCEPTED) {
                    refused.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double sent = seconds(t0);
        double arrived = arrival(peer, ids.size(), t0);
        Phase p = u.phase(messages, sent, sent, arrived);
        if (!print) {
            return p;
        }
        System.out.printf(Locale.ROOT, "alone  : the channel's send() from %d threads, no outbox: %,d in %.2f s = %,.0f/s;"
                + " all at the peer after %.2f s = %,.0f/s; %d not ACCEPTED%n", threads, messages, sent, p.acceptedRate(),
                arrived, p.peerRate(), refused.get());
        printCpu(p);
        return refused.get() == 0 ? p : null;
    }

    /** The outbox's defaults but the threads and batch, quiet hours off and rate limits out of the way. */
    private static Map<String, Object> config(int threads, int batch) {
        Map<String, Object> config = new HashMap<>();
        config.put("threads", threads);
        config.put("batch", batch);
        config.put("quietHours", "");
        config.put("rateLimits", "email:" + UNLIMITED + ", sms:" + UNLIMITED);
        return config;
    }

    /**
     * Untimed rounds through every channel (outbox and channel alone) until the JIT compilers are
     * nearly idle (under {@value #JIT_QUIET} cores over a round) or the time is up. On two cores a
     * fresh JVM compiles Derby, EclipseLink, javax.mail, GreenMail and the HTTP client for a minute
     * or two and takes a third of the CPU meanwhile, which the timed runs would pay for.
     */
    private static void warmUp(Setup setup, Map<String, Function<String, Peer>> peers, int threads, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        for (int round = 1; ; round++) {
            long jit0 = jitNanos();
            long t0 = System.nanoTime();
            for (Map.Entry<String, Function<String, Peer>> channel : peers.entrySet()) {
                String runId = channel.getKey() + "-warm" + round;
                emptyOutbox(setup.ds());
                List<String> ids = new ArrayList<>();
                try (Peer peer = channel.getValue().apply(runId);
                        BenchOutbox bench = outbox(setup, config(threads, setup.batch()), peer)) {
                    bench.start();
                    for (int i = 0; i < WARM_UP_ROUND; i++) {
                        ids.add(submit(bench, setup.accounts(), channel.getKey(), runId, ids.size()));
                    }
                    String stuck = await(bench, ids.size());
                    if (stuck != null) {
                        throw new IllegalStateException("warm-up: " + stuck);
                    }
                    alone(peer, setup.accounts().size(), threads, WARM_UP_ROUND / 2, runId, ids, false);
                }
            }
            double jit = (jitNanos() - jit0) / (double) (System.nanoTime() - t0);
            if (jit < JIT_QUIET || System.nanoTime() > deadline) {
                System.out.printf(Locale.ROOT, "warm-up: %d rounds of %d messages through the outbox and %d to the channel"
                        + " alone per channel in %.0f s; the JIT compilers took %.2f cores in the last round%s%n", round,
                        WARM_UP_ROUND, WARM_UP_ROUND / 2, seconds(start), jit, jit < JIT_QUIET ? ""
                        : " (still compiling: the first figures may be low; -Dnotify.warmup.seconds=" + seconds + ")");
                COUNTS_NANOS.set(0);
                COUNTS_CALLS.set(0);
                return;
            }
        }
    }

    /** CPU of the JIT compiler threads so far. */
    private static long jitNanos() {
        return Usage.nativeThreadCpu().getOrDefault("JVM: JIT", 0L);
    }

    private static BenchOutbox outbox(Setup setup, Map<String, Object> config, Peer peer) {
        return new BenchOutbox(setup.database(), setup.customers(), setup.bindings(), config, "bench", peer.channel());
    }

    private static void print(String phase, BenchOutbox bench, Peer peer, int total, Phase p) {
        System.out.printf(Locale.ROOT, "%-7s: submitted %,d in %.2f s = %,.0f/s; all ACCEPTED after %.2f s = %,.0f/s; all at"
                + " the peer after %.2f s = %,.0f/s%n", phase, p.messages(), p.submitSeconds(), p.submitRate(),
                p.acceptedSeconds(), p.acceptedRate(), p.peerSeconds(), p.peerRate());
        System.out.printf(Locale.ROOT, "         the peer has %,d of %,d submitted; %,d sends by this outbox; %s%n",
                peer.counted(), total, bench.sends(), bench.outbox().counts());
        System.out.printf(Locale.ROOT, "         the bench's %d counts() polls took %.1f ms each on average%n",
                COUNTS_CALLS.get(), COUNTS_NANOS.get() / 1e6 / Math.max(1, COUNTS_CALLS.get()));
        COUNTS_NANOS.set(0);
        COUNTS_CALLS.set(0);
        printCpu(p);
    }

    private static void printCpu(Phase p) {
        System.out.printf(Locale.ROOT, "         CPU in %.1f s: this JVM %.1f cores (the dispatcher's loop thread busy %.0f%% of"
                + " the time, its sending threads %.2f cores), Kannel %.2f cores, the rest of the machine %.2f cores (of %d);"
                + " load average %s%n", p.wall(), p.cores(), 100 * p.loopCpu() / p.wall(), p.sendersCpu() / p.wall(),
                p.childrenCpu() / p.wall(), p.otherCores(), CORES, load());
        StringBuilder top = new StringBuilder();
        p.threadCpu().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .forEach(e -> top.append(String.format(Locale.ROOT, "%s%s %.2f", top.length() == 0 ? "" : ", ", e.getKey(),
                        e.getValue() / p.wall())));
        System.out.println("         cores by thread in this JVM: " + top);
    }

    /** Seconds from {@code t0} until the peer has {@code total} messages (at most a minute more). */
    private static double arrival(Peer peer, int total, long t0) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (peer.counted() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return seconds(t0);
    }

    /** CPU of this JVM, of the outbox's threads and of the machine since construction. */
    private static final class Usage {
        private final long wall0 = System.nanoTime();
        private final long cpu0 = processCpuNanos();
        private final long children0 = childrenCpuNanos();
        private final long[] ticks0 = machineTicks();
        private final Map<Long, Long> threads0 = threadCpu();
        private final Map<String, Long> native0 = nativeThreadCpu();

        Phase phase(int messages, double submitted, double accepted, double arrived) {
            double wall = seconds(wall0);
            long cpu = processCpuNanos() - cpu0;
            long[] ticks = machineTicks();
            double busy = ticks[1] == ticks0[1] ? 0 : (double) (ticks[0] - ticks0[0]) / (ticks[1] - ticks0[1]);
            long loop = 0;
            long senders = 0;
            long java = 0;
            Map<String, Double> byName = new HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                long now = THREADS.getThreadCpuTime(t.getId());
                if (now < 0) {
                    continue;
                }
                long used = now - threads0.getOrDefault(t.getId(), 0L);
                java += used;
                byName.merge(t.getName().replaceAll("[0-9.:/<>-]+$", "").replaceAll("[0-9]+", "N"), used / 1e9, Double::sum);
                if (t.getName().equals(LOOP_THREAD)) {
                    loop += used;
                } else if (t.getName().startsWith(SEND_THREADS)) {
                    senders += used;
                }
            }
            // GC and JIT threads are not Java threads: from /proc; what is left is threads that ended meanwhile
            long jvm = 0;
            for (Map.Entry<String, Long> e : nativeThreadCpu().entrySet()) {
                long used = e.getValue() - native0.getOrDefault(e.getKey(), 0L);
                jvm += used;
                byName.put(e.getKey(), used / 1e9);
            }
            byName.put("(threads that ended, e.g. GreenMail's per-connection)", Math.max(0, cpu - java - jvm) / 1e9);
            return new Phase(messages, submitted, accepted, arrived, wall, cpu / 1e9, loop / 1e9, senders / 1e9,
                    (childrenCpuNanos() - children0) / 1e9, busy * CORES * wall, byName);
        }

        /** CPU of the JVM's own threads (GC, JIT compilers, VM thread) by kind, from /proc/self/task; empty elsewhere. */
        private static Map<String, Long> nativeThreadCpu() {
            Map<String, Long> cpu = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // ended meanwhile
                    }
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String kind = name.startsWith("GC Thread") || name.startsWith("G1 ") ? "JVM: GC"
                            : name.contains("CompilerThre") ? "JVM: JIT" : name.startsWith("VM ") ? "JVM: VM thread" : null;
                    if (kind != null) {
                        String[] f = stat.substring(close + 2).split(" ");
                        // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms
                        cpu.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
            return cpu;
        }

        private static Map<Long, Long> threadCpu() {
            Map<Long, Long> cpu = new HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                cpu.put(t.getId(), THREADS.getThreadCpuTime(t.getId()));
            }
            return cpu;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static String submit(BenchOutbox bench, List<String> accounts, String channel, String runId, int i) {
        var outbox = bench.outbox();
        String account = accounts.get(i % accounts.size());
        String text = NOTICE + " [" + runId + "-" + i + "]";
        return outbox.submit(new NotificationRequest(runId + "-" + i, account, null, "bill", channel, null,
                Map.of("subject", "电费账单 " + i), text, false, false)).notification().id();
    }

    /** Waits for that many ACCEPTED; null when they are, else what is wrong. */
    private static String await(BenchOutbox bench, long expected) throws InterruptedException {
        var outbox = bench.outbox();
        long start = System.nanoTime();
        long deadline = start + TIMEOUT_NANOS;
        long first = -1;
        while (true) {
            long c0 = System.nanoTime();
            Map<NotificationState, Long> counts = outbox.counts();
            COUNTS_NANOS.addAndGet(System.nanoTime() - c0);
            COUNTS_CALLS.incrementAndGet();
            if (counts.get(NotificationState.ACCEPTED) >= expected) {
                return null;
            }
            long ended = counts.get(NotificationState.FAILED) + counts.get(NotificationState.IN_DOUBT)
                    + counts.get(NotificationState.SUPPRESSED);
            if (ended > 0) {
                return "messages ended other than ACCEPTED: " + counts + "; e.g. " + outbox.list(
                        new org.smarthall.api.notify.NotificationQuery(null, null, NotificationState.FAILED, null, 0, 3));
            }
            if (System.nanoTime() > deadline) {
                return "not all ACCEPTED within " + TIMEOUT_NANOS / 1_000_000_000L + " s: " + counts;
            }
            // counts() scans the outbox (tens of ms under load): seldom while far off, often near the end
            long accepted = counts.get(NotificationState.ACCEPTED);
            first = first < 0 ? accepted : first;
            double rate = (accepted - first) / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            long eta = rate <= 0 ? POLL_MAX_MILLIS : (long) ((expected - accepted) / rate * 1000 / 2);
            Thread.sleep(Math.max(POLL_MIN_MILLIS, Math.min(POLL_MAX_MILLIS, eta)));
        }
    }

    // ------------------------------------------------------------------ peers

    /** A GreenMail SMTP server of its own for the run; counts by Message-ID. */
    private static Peer greenMail(String runId) {
        GreenMail server = NO_DELAY ? new NoDelayGreenMail(ServerSetupTest.SMTP.dynamicPort())
                : new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Map<String, Object> config = Map.of("host", "127.0.0.1", "port", server.getSmtp().getPort(), "fromAddress",
                "95598@grid.example", "maxMessagesPerSecond", UNLIMITED);
        EmailChannel channel = new EmailChannel(Annotations.of(EmailChannelConfig.class, config));
        return new Peer() {
            @Override
            public NotificationChannel channel() {
                return channel;
            }

            @Override
            public String address(int i) {
                return email(i);
            }

            @Override
            public int counted() {
                return server.getReceivedMessages().length;
            }

            @Override
            public String check(List<String> ids) {
                List<String> got = messageIds();
                Set<String> expected = new HashSet<>();
                ids.forEach(id -> expected.add("<" + id + "@smarthall.host>"));
                if (got.size() != ids.size() || !expected.equals(new HashSet<>(got))) {
                    Set<String> missing = new HashSet<>(expected);
                    missing.removeAll(got);
                    return "GreenMail received " + got.size() + " messages, " + new HashSet<>(got).size()
                            + " distinct Message-IDs, for " + ids.size() + " submitted; " + missing.size() + " missing";
                }
                return null;
            }

            private List<String> messageIds() {
                List<String> out = new ArrayList<>();
                for (MimeMessage m : server.getReceivedMessages()) {
                    try {
                        out.add(m.getMessageID());
                    } catch (MessagingException e) {
                        out.add("unreadable " + e.getMessage());
                    }
                }
                return out;
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    /** The Kannel shared by the SMS runs; counts the run's texts fakesmsc printed, by their text. */
    private static Peer kannel(KannelPeer kannel, String runId) {
        Map<String, Object> config = new HashMap<>();
        config.put("sendUrl", kannel.sendUrl().toString());
        config.put("username", KannelPeer.USER);
        config.put("_password", kannel.password());
        config.put("statusUrl", kannel.statusUrl().toString());
        config.put("_statusPassword", kannel.statusPassword());
        config.put("maxSendsPerSecond", UNLIMITED);
        SmsChannel channel = new SmsChannel(Annotations.of(KannelConfig.class, config));
        String tag = " [" + runId + "-";
        return new Peer() {
            @Override
            public NotificationChannel channel() {
                return channel;
            }

            @Override
            public String address(int i) {
                return phone(i);
            }

            @Override
            public int counted() {
                return texts().size();
            }

            @Override
            public String check(List<String> ids) {
                List<String> got = texts();
                Set<String> expected = new HashSet<>();
                for (int i = 0; i < ids.size(); i++) {
                    expected.add(NOTICE + tag + i + "]");
                }
                if (got.size() != ids.size() || !expected.equals(new HashSet<>(got))) {
                    Set<String> missing = new HashSet<>(expected);
                    missing.removeAll(got);
                    return "fakesmsc got " + got.size() + " texts, " + new HashSet<>(got).size() + " distinct, for "
                            + ids.size() + " submitted; " + missing.size() + " missing\n" + kannel.logs();
                }
                return null;
            }

            private List<String> texts() {
                return kannel.received().stream().map(KannelPeer.Sms::text).filter(t -> t.contains(tag)).toList();
            }

            @Override
            public void close() {
                // the gateway outlives the run
            }
        };
    }

    /**
     * GreenMail with TCP_NODELAY on each SMTP connection it accepts. GreenMail as it comes writes
     * the lines of its multi-line EHLO reply one by one with Nagle's algorithm on, so the client
     * (javax.mail, waiting for the last line) and the server sit out the client's delayed ACK: about
     * 40 ms of every SMTP session on loopback, which would cap the e-mail figure at sending threads
     * / 50 ms whatever the outbox does. A mail server answers EHLO in one write; so does this one, in
     * effect. {@code -Dnotify.greenmail.nodelay=false} measures GreenMail as it comes.
     */
    private static final class NoDelayGreenMail extends GreenMail {
        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            // called from GreenMail's constructor: nothing of this instance may be used here but the arguments
            Map<String, AbstractServer> services = super.createServices(config, managers);
            AbstractServer smtp = services.get(ServerSetup.PROTOCOL_SMTP);
            if (smtp != null) {
                services.put(ServerSetup.PROTOCOL_SMTP, new SmtpServer(smtp.getServerSetup(), managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        try {
                            socket.setTcpNoDelay(true);
                        } catch (SocketException e) {
                            throw new IllegalStateException("cannot set TCP_NODELAY: " + e.getMessage(), e);
                        }
                        return super.createProtocolHandler(socket);
                    }
                });
            }
            return services;
        }
    }

    // ------------------------------------------------------------------ data

    /** Customers with an encrypted phone each (138...) and an e-mail address bound; their accounts. */
    private static List<String> customers(DataSource ds, PiiProtectorService pii, Bindings bindings, int n)
            throws SQLException {
        List<String> accounts = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_customer (account, kind, name, phone_hash,"
                    + " phone_masked, phone_enc, batch_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
                for (int i = 0; i < n; i++) {
                    String account = String.format("3701%06d", i);
                    String phone = phone(i);
                    s.setString(1, account);
                    s.setString(2, CustomerKind.PREPAID_RESIDENT.name());
                    s.setString(3, "居民" + i);
                    s.setString(4, pii.hashPhone(phone));
                    s.setString(5, Pii.maskPhone(phone));
                    s.setString(6, pii.encrypt(phone));
                    s.setTimestamp(7, Timestamp.from(Instant.now()));
                    s.addBatch();
                    accounts.add(account);
                }
                s.executeBatch();
            }
            c.commit();
        }
        for (int i = 0; i < n; i++) {
            bindings.bind(accounts.get(i), "email", email(i));
        }
        return accounts;
    }

    /** A pool as pax-jdbc-pool-hikaricp makes it from the distribution's configuration. */
    private static DataSource pool(DataSource derby) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(derby);
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(1);
        config.setPoolName("smarthall");
        return new HikariDataSource(config);
    }

    private static String email(int customer) {
        return "customer" + customer + "@mail.bench.example";
    }

    private static String phone(int customer) {
        return String.format("138%08d", customer);
    }

    private static void emptyOutbox(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sh_message_attempt");
            s.executeUpdate("DELETE FROM sh_message");
        }
    }

    // ------------------------------------------------------------------ machine

    /** CPU time of the processes this JVM started (bearerbox, smsbox, fakesmsc), while they run. */
    private static long childrenCpuNanos() {
        return ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Busy and total jiffies of all CPUs, from /proc/stat; zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
