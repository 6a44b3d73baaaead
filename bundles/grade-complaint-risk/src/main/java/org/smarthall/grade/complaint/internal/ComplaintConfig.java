package org.smarthall.grade.complaint.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Who is graded, how the classifier is trained and where the grades start; see {@link ComplaintFit}. */
@ObjectClassDefinition(name = "SmartHall grading model: complaint risk",
        description = "Predicts each customer's chance of a complaint in the next 90 days with a logistic regression"
                + " trained on the customers' own history (train and test split by time, AUC reported with every run),"
                + " and grades them high, medium or low. Changes apply to the next grading run.")
public @interface ComplaintConfig {

    @AttributeDefinition(name = "Customer kinds",
            description = "The kinds of customer trained on and graded: RESIDENT, PREPAID_RESIDENT, ENTERPRISE, GOVERNMENT.")
    String[] kinds() default {"RESIDENT", "PREPAID_RESIDENT", "ENTERPRISE", "GOVERNMENT"};

    @AttributeDefinition(name = "Fewest complainers to train on",
            description = "The model refuses to fit when fewer customers than this complained in the training window:"
                    + " too few to learn from. At least 1.")
    int minPositives() default 30;

    @AttributeDefinition(name = "Regularisation (lambda)",
            description = "L2 penalty on the coefficients of the standardised features; above 0. Higher is more cautious.")
    double lambda() default 1.0;

    @AttributeDefinition(name = "Most iterations", description = "Cap on the L-BFGS iterations of a fit; at least 1.")
    int maxIterations() default 500;

    @AttributeDefinition(name = "Grade by",
            description = "rank: the top share of customers is high, the next share medium; probability: by the"
                    + " predicted chance of a complaint.",
            options = {@Option(label = "Rank", value = "rank"), @Option(label = "Probability", value = "probability")})
    String gradeBy() default "rank";

    @AttributeDefinition(name = "High: top percent (rank)",
            description = "Grade by rank: this percentage of the customers, the most likely to complain, is high.")
    double highTopPercent() default 5;

    @AttributeDefinition(name = "Medium: next percent (rank)",
            description = "Grade by rank: this percentage of the customers after the high ones is medium; the rest low."
                    + " High and medium together below 100.")
    double mediumNextPercent() default 15;

    @AttributeDefinition(name = "High from percent (probability)",
            description = "Grade by probability: a predicted chance of a complaint at or above this is high.")
    double highFromPercent() default 20;

    @AttributeDefinition(name = "Medium from percent (probability)",
            description = "Grade by probability: a predicted chance at or above this (and below the high one) is medium.")
    double mediumFromPercent() default 5;
}
