package org.smarthall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The SmartHall distribution run as the operating system runs it: unpacked from the built
 * tarball, ports moved off their defaults, started with {@code bin/karaf daemon} (which execs
 * the JVM, so the process is Karaf itself), stopped gently or killed with SIGKILL.
 */
public final class KarafProcess implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;
    private long startedNanos;

    private KarafProcess(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution into an empty folder under {@code work} and moves every port. */
    public static KarafProcess unpack(Path distribution, Path work) {
        try {
            if (Files.exists(work)) {
                deleteTree(work);
            }
            Files.createDirectories(work);
            run(List.of("tar", "xzf", distribution.toAbsolutePath().toString(), "-C", work.toString()));
            Path home;
            try (Stream<Path> dirs = Files.list(work)) {
                home = dirs.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalStateException("nothing unpacked from " + distribution));
            }
            KarafProcess karaf = new KarafProcess(home, freePort());
            karaf.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(karaf.httpPort));
            karaf.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
            karaf.setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
            karaf.setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
            return karaf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/smarthall/api/v1" + path);
    }

    /** Sets a key in an etc/ properties or cfg file, replacing an earlier value. */
    public void setProperty(String file, String key, String value) {
        Path path = home.resolve(file);
        try {
            List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
            lines.removeIf(line -> line.strip().matches(java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
            lines.add(key + " = " + value);
            Files.write(path, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets an environment variable for the next start, e.g. {@code EXTRA_JAVA_OPTS} to profile. */
    public void environment(String name, String value) {
        environment.put(name, value);
    }

    /** Drops a bundle into deploy/, where Karaf installs it. */
    public void deploy(Path bundle) {
        try {
            Files.copy(bundle, home.resolve("deploy").resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
            pb.environment().putAll(environment);
            startedNanos = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Polls {@code GET /health} until 200; returns the time since {@link #start()}. */
    public Duration awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            if (status(api("/health")) == 200) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            pause(50);
        }
        throw new IllegalStateException("no healthy answer within " + timeout + "; see " + home.resolve("data/log/karaf.log"));
    }

    /** Status of an anonymous GET, or -1 when nothing answers. */
    public int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Resident memory of the Karaf JVM in kilobytes, from /proc. */
    public long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for " + pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: no shutdown hook, no clean close of anything. */
    public void kill() {
        process.destroyForcibly();
        waitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: Karaf stops its bundles in order. */
    public void stop() {
        if (alive()) {
            process.destroy();
            if (!waitExit(Duration.ofSeconds(60))) {
                kill();
            }
        }
    }

    private boolean waitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            stop();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
