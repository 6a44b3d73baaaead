package org.smarthall.device.serial.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.FrameCodec;
import org.smarthall.device.serial.LinkCounters;
import org.smarthall.device.serial.LinkListener;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.SerialLink;

/**
 * A link with one reader thread: opens the port (again and again, with backoff doubling from
 * {@link LinkSettings#BACKOFF_FIRST} to the configured cap), reads, assembles frames, hands them
 * to a waiting {@link #exchange} or to the listener. Any I/O error or end of file closes the
 * port and starts the backoff over. Log lines name the port and counts, never frame contents.
 */
final class ResilientLink implements SerialLink, FrameAssembler.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientLink.class);

    private final LinkSettings settings;
    private final PortIo.Opener opener;
    private final LinkListener listener;
    private final FrameAssembler assembler;
    private final Thread reader;
    private final AtomicReference<CompletableFuture<Frame>> waiting = new AtomicReference<>();
    private final Object exchangeLock = new Object();
    private final AtomicLong good = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile Instant lastFrame;
    private volatile DeviceState state = DeviceState.RECONNECTING;
    private volatile PortIo io;
    private volatile boolean running = true;

    ResilientLink(LinkSettings settings, FrameCodec codec, LinkListener listener, PortIo.Opener opener) {
        this.settings = settings;
        this.opener = opener;
        this.listener = listener;
        this.assembler = new FrameAssembler(codec, settings.frameTimeout().toNanos(), this);
        this.reader = new Thread(this::run, "serial " + settings.port());
        this.reader.setDaemon(true);
    }

    ResilientLink start() {
        reader.start();
        return this;
    }

    @Override
    public DeviceInfo deviceInfo(String deviceId, String kind, String hall) {
        LinkCounters c = counters();
        return new DeviceInfo(deviceId, kind, hall, settings.port(), state(), c.framesGood(), c.framesBad(),
                c.reconnects(), c.lastFrame().orElse(null));
    }

    @Override
    public DeviceState state() {
        return state;
    }

    @Override
    public LinkCounters counters() {
        return new LinkCounters(good.get(), bad.get(), reconnects.get(), bytesIn.get(), bytesOut.get(),
                skipped.get(), Optional.ofNullable(lastFrame));
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        PortIo port = io;
        if (port == null) {
            throw new DeviceException(settings.port() + " is not connected (" + state + ")");
        }
        try {
            port.write(bytes);
            bytesOut.addAndGet(bytes.length);
        } catch (IOException e) {
            throw new DeviceException("write to " + settings.port() + " failed", e);
        }
    }

    @Override
    public Optional<Frame> exchange(byte[] request, Duration timeout) throws DeviceException {
        synchronized (exchangeLock) {
            CompletableFuture<Frame> answer = new CompletableFuture<>();
            waiting.set(answer);
            try {
                write(request);
                return Optional.of(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException("interrupted waiting for " + settings.port());
            } catch (ExecutionException e) {
                throw new DeviceException("no answer from " + settings.port(), e.getCause());
            } finally {
                waiting.compareAndSet(answer, null);
            }
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        reader.interrupt();
        Thread closer = new Thread(() -> {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PortIo port = io;
            io = null;
            if (port != null) {
                port.close();
            }
        }, "serial close " + settings.port());
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(settings.closeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            // a hung native close must not hang the bundle's stop: leave the daemon thread behind
            LOG.warn("{} did not close within {}; left to close in the background", settings.port(),
                    settings.closeTimeout());
        }
        setState(DeviceState.CLOSED);
        CompletableFuture<Frame> w = waiting.getAndSet(null);
        if (w != null) {
            w.completeExceptionally(new IOException("link closed"));
        }
    }

    // --- the reader thread

    private void run() {
        byte[] chunk = new byte[2048];
        long backoff = LinkSettings.BACKOFF_FIRST.toMillis();
        boolean everOpen = false;
        int failures = 0;
        while (running) {
            PortIo port;
            try {
                port = opener.open(settings.port(), settings.baud());
            } catch (IOException | RuntimeException e) {
                if (failures++ == 0) {
                    // once per outage, so a mistyped port shows in the log without flooding it
                    LOG.warn("{} cannot be opened ({}); trying again, at most {} ms apart", settings.port(),
                            e.getMessage(), settings.backoffMax().toMillis());
                } else {
                    LOG.debug("{}: {}; next try in {} ms", settings.port(), e.getMessage(), backoff);
                }
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, settings.backoffMax().toMillis());
                continue;
            }
            if (!running) {
                port.close();
                break;
            }
            io = port;
            if (everOpen) {
                reconnects.incrementAndGet();
            }
            everOpen = true;
            failures = 0;
            backoff = LinkSettings.BACKOFF_FIRST.toMillis();
            assembler.reset();
            setState(DeviceState.CONNECTED);
            LOG.info("{} connected", settings.port());
            String lost = readUntilLost(port, chunk);
            io = null;
            if (!running) {
                port.close();
                break;
            }
            LOG.warn("{} lost ({}); reopening with backoff", settings.port(), lost);
            setState(DeviceState.RECONNECTING);
            closeQuietly(port);
        }
    }

    /** @return why the port was lost */
    private String readUntilLost(PortIo port, byte[] chunk) {
        while (running) {
            int n;
            try {
                n = port.read(chunk);
            } catch (IOException | RuntimeException e) {
                return "read failed: " + e.getMessage();
            }
            if (n < 0) {
                return "end of file";
            }
            long nanos = System.nanoTime();
            long millis = System.currentTimeMillis();
            if (n == 0) {
                assembler.tick(nanos, millis);
            } else {
                bytesIn.addAndGet(n);
                assembler.accept(chunk, n, nanos, millis);
            }
        }
        return "closed";
    }

    /** A close of a lost port may hang like any close: not on the reader thread. */
    private void closeQuietly(PortIo port) {
        Thread t = new Thread(port::close, "serial close " + settings.port());
        t.setDaemon(true);
        t.start();
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void setState(DeviceState next) {
        if (state == next) {
            return;
        }
        state = next;
        try {
            listener.stateChanged(next);
        } catch (RuntimeException e) {
            LOG.warn("{}: the driver failed on a state change: {}", settings.port(), e.toString());
        }
    }

    // --- FrameAssembler.Sink, on the reader thread

    @Override
    public void good(Frame frame) {
        good.incrementAndGet();
        lastFrame = Instant.ofEpochMilli(frame.firstByteMillis());
        CompletableFuture<Frame> w = waiting.getAndSet(null);
        if (w != null) {
            w.complete(frame);
            return;
        }
        try {
            listener.frame(frame);
        } catch (RuntimeException e) {
            LOG.warn("{}: the driver failed on a frame: {}", settings.port(), e.getClass().getName());
        }
    }

    @Override
    public void bad(String why) {
        long n = bad.incrementAndGet();
        LOG.debug("{}: frame dropped ({}), {} so far", settings.port(), why, n);
    }

    @Override
    public void skipped(int bytes) {
        skipped.addAndGet(bytes);
    }
}
