package org.smarthall.demo.internal.command;

import java.io.PrintStream;
import java.util.Locale;

import org.smarthall.demo.internal.ProvinceGenerator;

/** The live progress line of hall:demo-generate, redrawn in place like hall:job-watch's. */
final class ProgressLine implements ProvinceGenerator.Progress {
    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long drawn;
    private long done;
    private long total;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public void customers(long done, long total) {
        this.done = done;
        this.total = total;
        long now = System.nanoTime();
        if (now - drawn >= REDRAW_NANOS || done == total) {
            drawn = now;
            draw(now);
        }
    }

    /** Ends the line, with the zone events written too. */
    void done() {
        draw(System.nanoTime());
        out.println();
    }

    private void draw(long now) {
        double fraction = total == 0 ? 0 : (double) done / total;
        int filled = (int) Math.round(fraction * BAR);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%% %,d/%,d customers  %,.0f/s  ETA %d:%02d   ",
                "#".repeat(filled), ".".repeat(BAR - filled), fraction * 100, done, total, rate, eta / 60, eta % 60));
        out.flush();
    }
}
