package org.smarthall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throw-away PostgreSQL server for tests, started from the Debian binaries
 * ({@code apt-get install postgresql}) in a temporary folder on a free loopback port, and
 * removed on {@link #close()}.
 *
 * <p>PostgreSQL refuses to run as root; when the tests run as root the server runs as the
 * {@code postgres} user that the Debian package creates.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String USER = "smarthall";

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final List<String> asUser;
    private final Thread shutdownHook;

    private PostgresServer(Path bin, Path dataDir, int port, List<String> asUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asUser = asUser;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-test-server-stop");
    }

    /** Starts a new server with one database named {@code smarthall}. */
    public static PostgresServer start() {
        Path bin = findBinaries();
        try {
            Path dir = Files.createTempDirectory("smarthall-pg");
            List<String> asUser = List.of();
            if ("root".equals(System.getProperty("user.name"))) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
                asUser = List.of("runuser", "-u", "postgres", "--");
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort(), asUser);
            server.init();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a PostgreSQL test server", e);
        }
    }

    private void init() throws IOException {
        Path data = dataDir.resolve("data");
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--locale=C", "--no-sync");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                dataDir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=50",
                "start");
        createDatabase("smarthall");
    }

    /** Creates another empty database on this server, for a test that needs its own. */
    public void createDatabase(String name) {
        try {
            run(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl("smarthall");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private synchronized void stopQuietly() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop");
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL test server did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dataDir + ": " + e.getMessage());
        }
    }

    private void run(String... command) throws IOException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(List.of(command));
        Path out = Files.createTempFile("pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(out);
                Path serverLog = dataDir.resolve("server.log");
                if (Files.exists(serverLog)) {
                    log += "\n--- server.log ---\n" + Files.readString(serverLog);
                }
                throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path findBinaries() {
        String configured = System.getenv("SMARTHALL_PG_BIN");
        if (configured != null && Files.isExecutable(Paths.get(configured, "initdb"))) {
            return Paths.get(configured);
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found: install the Debian package "
                + "'postgresql' (.ci/run does) or set SMARTHALL_PG_BIN to the folder holding initdb and pg_ctl");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
