package org.smarthall.grade.kmeans.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the clusters from their centroids in standardised units, by seed 001's definitions:
 * growth = booming industry, fast growth, low direct-purchase ratio; risk = high direct-purchase
 * ratio, poor credit; maintain = steady.
 * <ol>
 * <li><b>growth</b>: the cluster with the highest growth score, z(growth) + z(prosperity) -
 * z(direct purchase);</li>
 * <li><b>risk</b>: of the others, the one with the highest risk score, z(direct purchase) -
 * z(credit);</li>
 * <li><b>maintain</b>: the rest. With k = 3 that is one cluster, named {@code maintain}; with
 * more, {@code maintain-1}, {@code maintain-2}, ... in order of falling growth score; with k = 2
 * there is none.</li>
 * </ol>
 * A tie goes to the cluster with the lower index.
 */
public final class ClusterNames {
    public static final String GROWTH = "growth";
    public static final String MAINTAIN = "maintain";
    public static final String RISK = "risk";
    public static final String RULE = "growth = highest z(growth) + z(prosperity) - z(directPurchase); risk = highest"
            + " z(directPurchase) - z(credit) among the rest; the rest maintain (k > 3: maintain-1, maintain-2, ... by"
            + " falling growth score)";

    private ClusterNames() {
    }

    public static double growthScore(double[] centroid) {
        return centroid[Feature.GROWTH.ordinal()] + centroid[Feature.PROSPERITY.ordinal()]
                - centroid[Feature.DIRECT_PURCHASE.ordinal()];
    }

    public static double riskScore(double[] centroid) {
        return centroid[Feature.DIRECT_PURCHASE.ordinal()] - centroid[Feature.CREDIT.ordinal()];
    }

    /** One name per centroid. */
    public static String[] of(double[][] centroids) {
        int k = centroids.length;
        String[] names = new String[k];
        List<Integer> rest = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            rest.add(c);
        }
        Comparator<Integer> byGrowth = Comparator.comparingDouble((Integer c) -> -growthScore(centroids[c]));
        Comparator<Integer> byRisk = Comparator.comparingDouble((Integer c) -> -riskScore(centroids[c]));
        rest.sort(byGrowth.thenComparing(Comparator.naturalOrder()));
        names[rest.remove(0)] = GROWTH;
        rest.sort(byRisk.thenComparing(Comparator.naturalOrder()));
        names[rest.remove(0)] = RISK;
        rest.sort(byGrowth.thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < rest.size(); i++) {
            names[rest.get(i)] = rest.size() == 1 ? MAINTAIN : MAINTAIN + "-" + (i + 1);
        }
        return names;
    }
}
