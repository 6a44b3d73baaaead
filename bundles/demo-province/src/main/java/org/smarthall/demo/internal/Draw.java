package org.smarthall.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/** Small distributions on a {@link SplittableRandom}. */
final class Draw {
    private Draw() {
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Uniform in {@code [low, high]}, both included. */
    static int between(SplittableRandom r, int low, int high) {
        return r.nextInt(low, high + 1);
    }

    static long between(SplittableRandom r, long low, long high) {
        return r.nextLong(low, high + 1);
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static char pick(SplittableRandom r, String characters) {
        return characters.charAt(r.nextInt(characters.length()));
    }

    /** Events of a Poisson process with mean {@code mean} (Knuth; the means here are small). */
    static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= r.nextDouble();
        }
        return n;
    }

    /** Log-normal around {@code median}, clamped to {@code [low, high]}. */
    static double logNormal(SplittableRandom r, double median, double sigma, double low, double high) {
        return Math.max(low, Math.min(high, median * Math.exp(sigma * r.nextGaussian())));
    }
}
