package org.smarthall.jobs.internal.command;

import java.util.Locale;

import org.smarthall.api.jobs.JobInfo;
import org.smarthall.api.jobs.JobProgress;

/** Progress as one line of text, for the shell. */
final class ProgressText {
    private ProgressText() {
    }

    static String bar(JobProgress p, int width) {
        int filled = (int) Math.round(p.fraction() * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String line(JobInfo job, int barWidth) {
        JobProgress p = job.progress();
        return String.format(Locale.ROOT, "%s %5.1f%% %,d/%,d  %s/s  ETA %s  %s", bar(p, barWidth), p.fraction() * 100,
                p.done(), p.total(), rate(p.ratePerSecond()), eta(p.etaSeconds()), job.state());
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String eta(Long seconds) {
        if (seconds == null) {
            return "--:--";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
