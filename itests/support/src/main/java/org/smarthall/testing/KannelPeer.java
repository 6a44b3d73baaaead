package org.smarthall.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Kannel for tests, from the Debian packages {@code kannel} (bearerbox, smsbox) and
 * {@code kannel-extras} (fakesmsc): a kannel.conf in a temporary folder with free loopback
 * ports, bearerbox with one SMSC of type fake, fakesmsc connected to it as the SMSC, and
 * smsbox with the HTTP send interface. fakesmsc prints every message it receives; that output
 * is the peer's record of what arrived ({@link #received()}).
 *
 * <p>Used by the sms channel's tests and by the notify benchmark ({@code bench/}).
 */
public final class KannelPeer implements AutoCloseable {
    public static final Path BEARERBOX = Path.of("/usr/sbin/bearerbox");
    public static final Path SMSBOX = Path.of("/usr/sbin/smsbox");
    public static final Path FAKESMSC = Path.of("/usr/lib/kannel/test/fakesmsc");
    public static final String USER = "smarthall";
    public static final String SENDER = "95598";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** {@code Got message 3: <95598 13812345678 ucs-2 O%60Y%7D>} or, for a part, {@code ... udh %05%00%03%01%02%01 data ...>} */
    private static final Pattern GOT = Pattern.compile("Got message \\d+: <(\\S+) (\\S+) (\\S+) (.*)>$");

    /** A text as the SMSC got it, concatenated parts joined. */
    public record Sms(String from, String to, String text, int parts) {
    }

    private final Path dir;
    /** The sendsms-user's password and bearerbox's status password: made for this gateway, never committed. */
    private final String password = secret();
    private final String statusPassword = secret();
    private final int adminPort = freePort();
    private final int smsboxPort = freePort();
    private final int smscPort = freePort();
    private final int sendsmsPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private KannelPeer(Path dir) {
        this.dir = dir;
    }

    /** Whether the Debian binaries are installed; when not, the caller skips and says why. */
    public static boolean installed() {
        return Stream.of(BEARERBOX, SMSBOX, FAKESMSC).allMatch(Files::isExecutable);
    }

    public static KannelPeer start() throws IOException {
        KannelPeer kannel = new KannelPeer(Files.createTempDirectory("smarthall-kannel"));
        try {
            kannel.boot();
            return kannel;
        } catch (IOException | RuntimeException e) {
            String logs = kannel.logs();
            kannel.close();
            throw new IOException(e.getMessage() + "\n" + logs, e);
        }
    }

    private void boot() throws IOException {
        Path conf = dir.resolve("kannel.conf");
        Files.writeString(conf, String.join("\n",
                "group = core",
                "admin-port = " + adminPort,
                "admin-interface = 127.0.0.1",
                "admin-password = " + secret(),
                "status-password = " + statusPassword,
                "smsbox-port = " + smsboxPort,
                "box-allow-ip = 127.0.0.1",
                "log-file = \"" + dir.resolve("bearerbox.log") + "\"",
                "log-level = 1",
                "dlr-storage = internal",
                "",
                "group = smsc",
                "smsc = fake",
                "smsc-id = fake",
                "host = 127.0.0.1",
                "port = " + smscPort,
                "connect-allow-ip = 127.0.0.1",
                "",
                "group = smsbox",
                "bearerbox-host = 127.0.0.1",
                "bearerbox-port = " + smsboxPort,
                "sendsms-port = " + sendsmsPort,
                "sendsms-interface = 127.0.0.1",
                "global-sender = " + SENDER,
                "log-file = \"" + dir.resolve("smsbox.log") + "\"",
                "log-level = 1",
                "",
                "group = sendsms-user",
                "username = " + USER,
                "password = " + password,
                // long texts leave as concatenated parts; 5 parts hold the channel's default 335 characters
                "concatenation = true",
                "max-messages = 5",
                ""), StandardCharsets.UTF_8);
        launch("bearerbox", BEARERBOX.toString(), "-v", "1", conf.toString());
        await("bearerbox admin port " + adminPort, () -> listening(adminPort));
        // -m 0: fakesmsc originates nothing and only prints what the gateway sends it
        launch("fakesmsc", FAKESMSC.toString(), "-H", "127.0.0.1", "-r", String.valueOf(smscPort), "-m", "0",
                "0 0 text nothing");
        await("fakesmsc online at bearerbox", () -> status().contains("(online"));
        launch("smsbox", SMSBOX.toString(), "-v", "1", conf.toString());
        await("smsbox sendsms port " + sendsmsPort, () -> listening(sendsmsPort));
        await("smsbox connected to bearerbox", () -> !status().contains("No boxes connected"));
    }

    public URI sendUrl() {
        return URI.create("http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms");
    }

    /** The password of the sendsms-user {@link #USER}. */
    public String password() {
        return password;
    }

    /** bearerbox's status-password, for {@link #statusUrl()}. */
    public String statusPassword() {
        return statusPassword;
    }

    public URI statusUrl() {
        return URI.create("http://127.0.0.1:" + adminPort + "/status");
    }

    /** Everything fakesmsc received so far, in order, long texts joined from their parts. */
    public List<Sms> received() {
        List<Sms> texts = new ArrayList<>();
        Map<String, ByteArrayOutputStream> partial = new LinkedHashMap<>();
        for (String line : lines("fakesmsc")) {
            Matcher got = GOT.matcher(line.strip());
            if (!got.find()) {
                continue;
            }
            String from = got.group(1);
            String to = got.group(2);
            String[] rest = got.group(4).split(" ");
            switch (got.group(3)) {
                case "ucs-2" -> texts.add(new Sms(from, to, ucs2(urlBytes(rest[0])), 1));
                case "text" -> texts.add(new Sms(from, to, new String(urlBytes(rest[0]), StandardCharsets.ISO_8859_1), 1));
                case "udh" -> {
                    // 8-bit reference concatenation header: 05 00 03 ref total seq; the data is UCS-2
                    byte[] udh = urlBytes(rest[0]);
                    String key = to + "/" + (udh[3] & 0xff);
                    int total = udh[4] & 0xff;
                    int seq = udh[5] & 0xff;
                    ByteArrayOutputStream text = partial.computeIfAbsent(key, k -> new ByteArrayOutputStream());
                    text.writeBytes(urlBytes(rest[2]));
                    if (seq == total) {
                        texts.add(new Sms(from, to, ucs2(partial.remove(key).toByteArray()), total));
                    }
                }
                default -> texts.add(new Sms(from, to, "<" + got.group(3) + " " + got.group(4) + ">", 1));
            }
        }
        return texts;
    }

    /** The texts received for one number. */
    public List<Sms> receivedBy(String to) {
        return received().stream().filter(s -> s.to().equals(to)).toList();
    }

    /** Kannel's own logs, for a failure message. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("bearerbox", "fakesmsc", "smsbox")) {
            List<String> lines = lines(name);
            all.append("--- ").append(name).append(" (last lines) ---\n");
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> all.append(l).append('\n'));
        }
        return all.toString();
    }

    /** Polls until the condition holds, failing after the deadline. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        // smsbox first, so that bearerbox does not see it as lost; bearerbox last
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    private void launch(String name, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        processes.add(p);
        if (!p.isAlive()) {
            throw new IOException(name + " exited at once with " + p.exitValue());
        }
    }

    private String status() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(statusUrl() + "?password=" + statusPassword))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private List<String> lines(String name) {
        try {
            Path out = dir.resolve(name + ".out");
            return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fakesmsc's URL encoding of raw bytes: %XX, '+' for 0x20, anything else as itself. */
    private static byte[] urlBytes(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        return bytes.toByteArray();
    }

    private static String ucs2(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_16BE);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String secret() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
