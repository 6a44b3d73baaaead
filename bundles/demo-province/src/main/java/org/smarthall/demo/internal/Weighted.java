package org.smarthall.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/** A categorical distribution: values with relative weights. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    Weighted(List<T> values, double... weights) {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException(values.size() + " values, " + weights.length + " weights");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < weights.length; i++) {
            cumulative[i] /= sum;
        }
    }

    T pick(SplittableRandom r) {
        double u = r.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
