package org.smarthall.grade.complaint.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smarthall.api.grading.GradingException;

import smile.classification.LogisticRegression;

/**
 * A binomial logistic regression (Smile, L2-regularised, fitted by L-BFGS) on standardised
 * {@link Feature}s. Standardising by the training sample's means and standard deviations keeps
 * the penalty fair between counts and amounts, and makes a coefficient times a standardised value
 * the fact's contribution to the log-odds against an average customer of the training sample:
 * what the grade's reason lists.
 *
 * <p>No class weights: complaints are rare, and unweighted the predicted probabilities stay
 * calibrated to the real rate (a weighted fit would inflate them); the rank, which grades go by
 * by default, is the same either way. The fit is deterministic: no random start, no sampling.
 *
 * <p>Immutable and thread-safe once trained.
 */
final class RiskClassifier {
    private final double[] mean;
    private final double[] sd;
    /** Coefficients of the standardised features, the intercept last. */
    private final double[] w;

    private RiskClassifier(double[] mean, double[] sd, double[] w) {
        this.mean = mean;
        this.sd = sd;
        this.w = w;
    }

    /** @throws GradingException when the classifier fails or does not converge to finite coefficients */
    static RiskClassifier train(Sample sample, double lambda, int maxIterations) throws GradingException {
        int n = sample.size();
        int p = Feature.COUNT;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int i = 0; i < n; i++) {
            double[] x = sample.row(i);
            for (int j = 0; j < p; j++) {
                mean[j] += x[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            double[] x = sample.row(i);
            for (int j = 0; j < p; j++) {
                double d = x[j] - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(sample.row(i), mean, sd);
        }
        LogisticRegression.Binomial fitted;
        try {
            fitted = LogisticRegression.binomial(z, sample.labels(), lambda, ComplaintRules.TOLERANCE, maxIterations);
        } catch (RuntimeException e) {
            throw new GradingException("complaint-risk: the logistic regression failed on " + n + " customers: " + e);
        }
        double[] w = fitted.coefficients().clone();
        for (double c : w) {
            if (!Double.isFinite(c)) {
                throw new GradingException("complaint-risk: the logistic regression did not converge (a coefficient is "
                        + c + "); raise lambda");
            }
        }
        return new RiskClassifier(mean, sd, w);
    }

    private static double[] standardise(double[] x, double[] mean, double[] sd) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            // a feature constant in training carries no information: 0 for everyone
            z[j] = sd[j] > 0 ? (x[j] - mean[j]) / sd[j] : 0;
        }
        return z;
    }

    /** Predicted probability of a complaint from raw features. */
    double probability(double[] x) {
        double[] c = contributions(x);
        double logit = w[w.length - 1];
        for (double v : c) {
            logit += v;
        }
        return 1 / (1 + Math.exp(-logit));
    }

    /** Each feature's share of the log-odds, against an average customer of the training sample. */
    double[] contributions(double[] x) {
        double[] z = standardise(x, mean, sd);
        for (int j = 0; j < z.length; j++) {
            z[j] *= w[j];
        }
        return z;
    }

    /** Coefficients by feature name, the intercept last. */
    Map<String, Object> coefficients() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            m.put(f.key(), w[f.ordinal()]);
        }
        m.put("intercept", w[w.length - 1]);
        return m;
    }

    List<Double> means() {
        return list(mean);
    }

    List<Double> standardDeviations() {
        return list(sd);
    }

    private static List<Double> list(double[] values) {
        List<Double> l = new ArrayList<>(values.length);
        for (double v : values) {
            l.add(v);
        }
        return List.copyOf(l);
    }
}
