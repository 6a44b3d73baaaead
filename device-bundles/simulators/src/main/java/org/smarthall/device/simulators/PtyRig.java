package org.smarthall.device.simulators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by {@code socat}: {@link #deviceEnd()} for the simulator,
 * {@link #hostEnd()} for the driver. The links keep their paths across {@link #unplug()} and
 * {@link #replug()}, though the pty numbers behind them change, as a USB-serial adapter pulled
 * and put back keeps its udev name.
 *
 * <p>Needs the Debian package {@code socat} on the PATH.
 */
public final class PtyRig implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final Path deviceEnd;
    private final Path hostEnd;
    private Process socat;

    private PtyRig(Path dir) {
        this.deviceEnd = dir.resolve("ttyV0");
        this.hostEnd = dir.resolve("ttyV1");
    }

    /** Starts socat with the links {@code ttyV0} and {@code ttyV1} in {@code dir}, and waits for both. */
    public static PtyRig start(Path dir) throws IOException {
        PtyRig rig = new PtyRig(dir);
        rig.replug();
        return rig;
    }

    /** Where the simulator (the device) opens its end. */
    public Path deviceEnd() {
        return deviceEnd;
    }

    /** Where the driver (the host) opens its end. */
    public Path hostEnd() {
        return hostEnd;
    }

    public synchronized boolean plugged() {
        return socat != null && socat.isAlive();
    }

    /** Pulls the cable: socat stops, both ends read end-of-file or an I/O error, the links go away. */
    public synchronized void unplug() {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socat = null;
        try {
            // socat removes its links on a TERM; after a KILL they would dangle and mislead the driver
            Files.deleteIfExists(deviceEnd);
            Files.deleteIfExists(hostEnd);
        } catch (IOException e) {
            // best effort
        }
    }

    /** Puts the cable back: a new pair of ptys behind the same links. */
    public synchronized void replug() throws IOException {
        if (plugged()) {
            return;
        }
        Files.deleteIfExists(deviceEnd);
        Files.deleteIfExists(hostEnd);
        ProcessBuilder pb = new ProcessBuilder(List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + deviceEnd + ",mode=666",
                "pty,raw,echo=0,link=" + hostEnd + ",mode=666"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            socat = pb.start();
        } catch (IOException e) {
            throw new IOException("socat could not be started: install the Debian package socat", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(Files.exists(deviceEnd) && Files.exists(hostEnd))) {
            if (!socat.isAlive()) {
                throw new IOException("socat stopped with exit code " + socat.exitValue() + " before making " + hostEnd);
            }
            if (System.nanoTime() > deadline) {
                unplug();
                throw new IOException("socat made no links in " + START_TIMEOUT);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unplug();
                throw new IOException("interrupted while socat started");
            }
        }
    }

    @Override
    public void close() {
        unplug();
    }
}
