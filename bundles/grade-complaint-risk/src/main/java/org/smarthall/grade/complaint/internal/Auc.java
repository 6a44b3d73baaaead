package org.smarthall.grade.complaint.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve from scores and 0/1 labels, by the Mann-Whitney U statistic: the
 * chance that a positive picked at random scores above a negative picked at random, ties counting
 * one half. 0.5 is guessing, 1 a perfect ranking.
 */
final class Auc {
    private Auc() {
    }

    /** @throws IllegalArgumentException when the labels are not all 0 or 1, or hold only one class */
    static double of(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long positives = 0;
        double rankSum = 0;
        for (int start = 0; start < n;) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            // ranks start..end (1-based start+1..end+1) share their mean
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                int label = labels[order[k]];
                if (label == 1) {
                    positives++;
                    rankSum += rank;
                } else if (label != 0) {
                    throw new IllegalArgumentException("label " + label + " is neither 0 nor 1");
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs positives and negatives: " + positives + " and " + negatives);
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
