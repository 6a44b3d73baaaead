package org.smarthall.grade.kmeans.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;

/**
 * A fitted enterprise K-means: grades an enterprise by the nearest centroid in standardised
 * units, its features taken as of the fit's date. The grade's score is the Euclidean distance to
 * that centroid (standardised units, flag columns included with the indicator policy). Immutable
 * and thread-safe.
 */
public final class EnterpriseKMeansFit implements FittedModel {
    private final KMeansSettings settings;
    private final LocalDate asOf;
    private final FeatureExtractor extractor;
    private final Standardiser standardiser;
    private final double[][] centroids;
    private final String[] names;
    private final Map<String, Object> parameters;
    private final Map<String, Double> quality;

    EnterpriseKMeansFit(KMeansSettings settings, LocalDate asOf, FeatureExtractor extractor, Standardiser standardiser,
            double[][] centroids, String[] names, Map<String, Object> parameters, Map<String, Double> quality) {
        this.settings = settings;
        this.asOf = asOf;
        this.extractor = extractor;
        this.standardiser = standardiser;
        this.centroids = centroids;
        this.names = names;
        this.parameters = parameters;
        this.quality = quality;
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public Map<String, Double> quality() {
        return quality;
    }

    /** Cluster names by centroid index. */
    String[] names() {
        return names.clone();
    }

    @Override
    public Grade grade(CustomerSnapshot customer) {
        CustomerKind kind = customer.profile() == null ? null : customer.profile().kind();
        if (kind != CustomerKind.ENTERPRISE) {
            return Grade.unknown("not an enterprise (" + kind + "): this model grades enterprises only");
        }
        EnterpriseFeatures f = extractor.extract(customer, asOf);
        boolean indicator = settings.missingPolicy() == MissingPolicy.INDICATOR;
        if (!f.complete() && !indicator) {
            StringBuilder reason = new StringBuilder();
            for (Feature feature : Feature.values()) {
                if (f.missing(feature) && !(feature == Feature.DIRECT_PURCHASE && f.missing(Feature.PROSPERITY))) {
                    reason.append(reason.length() == 0 ? "" : "; ").append(label(feature)).append(" missing: ")
                            .append(f.why(feature));
                }
            }
            return Grade.unknown(reason.append(" (missing-value policy exclude: not clustered)").toString());
        }
        double[] v = KMeansFitter.vector(f.values(), standardiser, indicator);
        int c = KMeansClustering.nearest(centroids, v);
        double distance = Math.sqrt(smile.math.MathEx.squaredDistance(centroids[c], v));
        return new Grade(names[c], distance, reason(names[c], f, v, distance));
    }

    private static String label(Feature feature) {
        return feature == Feature.PROSPERITY ? "industry prosperity and direct-purchase ratio" : feature.label();
    }

    /** e.g. {@code growth: growth +38% (z 1.9), prosperity 0.82, direct purchase 12%, credit 84, ...}. */
    private static String reason(String name, EnterpriseFeatures f, double[] z, double distance) {
        StringBuilder s = new StringBuilder(160).append(name).append(": growth ");
        if (f.missing(Feature.GROWTH)) {
            s.append("missing (").append(f.why(Feature.GROWTH)).append(')');
        } else {
            s.append(f.growthRate() == null ? "from nothing" : signedPercent(f.growthRate())).append(" (z ")
                    .append(oneDecimal(z[Feature.GROWTH.ordinal()])).append(')');
        }
        s.append(", prosperity ");
        if (f.missing(Feature.PROSPERITY)) {
            s.append("and direct purchase missing (").append(f.why(Feature.PROSPERITY)).append(')');
        } else {
            s.append(String.format(Locale.ROOT, "%.2f", f.value(Feature.PROSPERITY))).append(", direct purchase ")
                    .append(Math.round(100 * f.value(Feature.DIRECT_PURCHASE))).append('%');
        }
        s.append(", credit ");
        s.append(f.missing(Feature.CREDIT) ? "missing (" + f.why(Feature.CREDIT) + ")"
                : Long.toString(Math.round(f.value(Feature.CREDIT))));
        s.append(", account age ");
        s.append(f.missing(Feature.ACCOUNT_AGE) ? "missing (" + f.why(Feature.ACCOUNT_AGE) + ")"
                : oneDecimal(f.value(Feature.ACCOUNT_AGE)) + " years");
        s.append(", ");
        s.append(f.missing(Feature.CONSUMPTION_LEVEL) ? "consumption missing (" + f.why(Feature.CONSUMPTION_LEVEL) + ")"
                : String.format(Locale.ROOT, "%,d kWh a year", Math.round(Math.pow(10, f.value(Feature.CONSUMPTION_LEVEL)) - 1)));
        return s.append(" \u2014 nearest centroid ").append(oneDecimal(distance)).append(" away").toString();
    }

    private static String signedPercent(double rate) {
        long percent = Math.round(100 * rate);
        return (percent > 0 ? "+" : "") + percent + "%";
    }

    private static String oneDecimal(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
