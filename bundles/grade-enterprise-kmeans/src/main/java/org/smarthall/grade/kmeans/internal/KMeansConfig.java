package org.smarthall.grade.kmeans.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The enterprise K-means grading model's settings; see {@link EnterpriseKMeansModel}. */
@ObjectClassDefinition(name = "SmartHall grading model: enterprise K-means",
        description = "Clusters enterprises by K-means (Smile, GPL v3) on account age, consumption level and growth,"
                + " industry prosperity, industry direct-purchase ratio and credit, standardised, and names the"
                + " clusters growth, maintain and risk. Changes apply to the next fit.")
public @interface KMeansConfig {

    @AttributeDefinition(name = "Clusters (k)",
            description = "Number of clusters, 2 to 10. With 3: growth, risk and maintain; with more: growth, risk,"
                    + " maintain-1, maintain-2, ...; with 2: growth and risk.")
    int k() default 3;

    @AttributeDefinition(name = "Restarts",
            description = "K-means runs from different k-means++ seedings, 1 to 1000; the one with the lowest"
                    + " within-cluster sum of squares is kept.")
    int restarts() default 10;

    @AttributeDefinition(name = "Iterations at most", description = "Per restart, 1 to 10000.")
    int maxIterations() default 100;

    @AttributeDefinition(name = "Tolerance",
            description = "A restart stops when an iteration lowers the within-cluster sum of squares (standardised"
                    + " units, summed over all enterprises) by this much or less. 0 or more.")
    double tolerance() default 1e-4;

    @AttributeDefinition(name = "Random seed",
            description = "Seeds the k-means++ seeding (restart r uses seed + r) and the silhouette sample: the same"
                    + " population and seed give the same clusters.")
    long seed() default 42L;

    @AttributeDefinition(name = "Missing values",
            description = "exclude: an enterprise with a missing feature is not clustered and is graded unknown, the"
                    + " reason naming the feature. indicator: a missing feature is set to 0 in standardised units and a"
                    + " 0/1 missing flag per feature is clustered with the features. Never a silent mean fill.",
            options = {@Option(label = "exclude", value = "exclude"), @Option(label = "indicator", value = "indicator")})
    String missingPolicy() default "exclude";

    @AttributeDefinition(name = "Industry table",
            description = "Industry prosperity (0-1) and direct-purchase ratio (0-1) by GB/T 4754 industry-code prefix,"
                    + " CODE=prosperity/directPurchase separated by commas; the longest matching prefix wins; an"
                    + " industry not listed has both missing. The default holds made-up demo figures for the demo"
                    + " province's industries.")
    String industryTable() default IndustryTable.DEMO;
}
