package org.smarthall.grade.govahp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The analytic hierarchy process on one pairwise comparison matrix (Saaty): priorities from the
 * principal eigenvector, and how consistent the judgements are.
 *
 * <p>{@code a[i][j]} says how much more important criterion {@code i} is than {@code j} on
 * Saaty's 1-9 scale; the matrix is positive and reciprocal ({@code a[j][i] = 1 / a[i][j]},
 * ones on the diagonal). By Perron's theorem it has a unique largest eigenvalue
 * {@code lambdaMax >= n} with a positive eigenvector: the weights are that eigenvector
 * normalised to sum 1, found by power iteration until no weight moves by more than 1e-12.
 * {@code lambdaMax} is then the mean of {@code (A w)_i / w_i}; the consistency index is
 * {@code CI = (lambdaMax - n) / (n - 1)} and the consistency ratio {@code CR = CI / RI}, with
 * Saaty's random index RI of {@link #RANDOM_INDEX}. A matrix of 1 or 2 criteria is always
 * consistent: CI = CR = 0. A perfectly consistent matrix ({@code a[i][k] = a[i][j] a[j][k]})
 * has {@code lambdaMax = n} and CR 0; Saaty accepts judgements up to CR 0.10.
 *
 * <p>Pure and thread-safe: a value computed once per configuration.
 */
public final class PairwiseComparison {

    /**
     * Saaty's random index for n = 1 to 15, the table usually quoted with the AHP: the mean CI
     * of random reciprocal matrices on the 1-9 scale.
     */
    static final double[] RANDOM_INDEX = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
        1.57, 1.59};
    /** Power iteration stops when no weight changes by more than this. */
    static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 100_000;
    /** How far {@code a[i][j] a[j][i]} may stray from 1 in a matrix given as decimals. */
    private static final double RECIPROCAL_TOLERANCE = 1e-9;

    private final double[][] matrix;
    private final List<Double> weights;
    private final double lambdaMax;
    private final double ci;
    private final double ri;
    private final double cr;
    private final int iterations;

    /**
     * @throws IllegalArgumentException when the matrix is empty, not square, larger than 15, not
     *         positive or not reciprocal
     */
    public PairwiseComparison(double[][] a) {
        int n = a.length;
        if (n == 0 || n > RANDOM_INDEX.length) {
            throw new IllegalArgumentException("a pairwise comparison matrix has 1 to " + RANDOM_INDEX.length
                    + " criteria, not " + n);
        }
        matrix = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + a[i].length + " values, not " + n);
            }
            matrix[i] = a[i].clone();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = matrix[i][j];
                if (!(x > 0) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException("a" + (i + 1) + (j + 1) + " = " + x + " is not positive");
                }
                if (Math.abs(x * matrix[j][i] - 1) > RECIPROCAL_TOLERANCE) {
                    throw new IllegalArgumentException("a" + (j + 1) + (i + 1) + " = " + matrix[j][i]
                            + " is not the reciprocal of a" + (i + 1) + (j + 1) + " = " + x);
                }
            }
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        int k = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change > TOLERANCE) {
            if (++k > MAX_ITERATIONS) {
                throw new IllegalStateException("power iteration did not converge in " + MAX_ITERATIONS + " steps");
            }
            double[] next = times(w);
            double sum = 0;
            for (double x : next) {
                sum += x;
            }
            change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= sum;
                change = Math.max(change, Math.abs(next[i] - w[i]));
            }
            w = next;
        }
        iterations = k;
        double[] aw = times(w);
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            lambda += aw[i] / w[i];
        }
        lambdaMax = lambda / n;
        List<Double> ws = new ArrayList<>(n);
        for (double x : w) {
            ws.add(x);
        }
        weights = Collections.unmodifiableList(ws);
        // lambdaMax >= n in exact arithmetic; a consistent matrix may land a rounding error below
        ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
        ri = RANDOM_INDEX[n - 1];
        cr = n <= 2 ? 0 : ci / ri;
    }

    private double[] times(double[] w) {
        int n = w.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += matrix[i][j] * w[j];
            }
            out[i] = s;
        }
        return out;
    }

    public int size() {
        return matrix.length;
    }

    /** The priorities, in the order of the matrix's rows, summing to 1. */
    public List<Double> weights() {
        return weights;
    }

    public double lambdaMax() {
        return lambdaMax;
    }

    /** Consistency index {@code (lambdaMax - n) / (n - 1)}; 0 for n of 1 or 2. */
    public double ci() {
        return ci;
    }

    /** Saaty's random index for this n. */
    public double ri() {
        return ri;
    }

    /** Consistency ratio {@code CI / RI}; 0 for n of 1 or 2. */
    public double cr() {
        return cr;
    }

    /** Power-iteration steps it took: shown in the parameters so the convergence is on record. */
    public int iterations() {
        return iterations;
    }

    /** The matrix, rows as lists: JSON-serialisable for a run's parameters. */
    public List<List<Double>> rows() {
        List<List<Double>> rows = new ArrayList<>(matrix.length);
        for (double[] row : matrix) {
            List<Double> r = new ArrayList<>(row.length);
            for (double x : row) {
                r.add(x);
            }
            rows.add(Collections.unmodifiableList(r));
        }
        return Collections.unmodifiableList(rows);
    }
}
