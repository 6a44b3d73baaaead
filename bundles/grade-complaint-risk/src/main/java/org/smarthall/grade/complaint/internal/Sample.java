package org.smarthall.grade.complaint.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feature vectors with their labels, gathered while the population streams by: all a fit keeps
 * in memory (no snapshot is held).
 */
final class Sample {
    private final List<double[]> rows = new ArrayList<>();
    private int[] labels = new int[1024];
    private int positives;

    void add(double[] features, boolean complained) {
        if (rows.size() == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[rows.size()] = complained ? 1 : 0;
        rows.add(features);
        if (complained) {
            positives++;
        }
    }

    /** Both samples, this one first. */
    Sample with(Sample other) {
        Sample both = new Sample();
        for (Sample s : List.of(this, other)) {
            for (int i = 0; i < s.size(); i++) {
                both.add(s.rows.get(i), s.labels[i] == 1);
            }
        }
        return both;
    }

    int size() {
        return rows.size();
    }

    int positives() {
        return positives;
    }

    int negatives() {
        return size() - positives;
    }

    double[] row(int i) {
        return rows.get(i);
    }

    int[] labels() {
        return Arrays.copyOf(labels, size());
    }

    /** Share of positives; NaN when empty. */
    double baseRate() {
        return (double) positives / size();
    }
}
