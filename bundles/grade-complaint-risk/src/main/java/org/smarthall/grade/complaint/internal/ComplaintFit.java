package org.smarthall.grade.complaint.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.GradingException;
import org.smarthall.api.grading.Population;

/**
 * The complaint-risk model fitted as of a date {@code asOf} (A).
 *
 * <h2>Split by time</h2>
 * The snapshot holds the 12 months before A. Two cut dates: C1 = A - 180 days and C2 = A - 90
 * days. The training sample is every customer (of the configured kinds, with an account by then)
 * with its {@link Feature}s at C1, labelled 1 when a complaint was opened in the 90 days after C1,
 * (C1, C2]; the test sample the same at C2, labelled by the complaints of (C2, A]. The test labels
 * are later than anything the training sample saw, so the test AUC is that of a model predicting a
 * quarter it did not know. The AUC is computed here from the predicted probabilities (Mann-Whitney),
 * with the test base rate beside it: an AUC of 0.5 is guessing.
 *
 * <h2>The model that grades</h2>
 * After the test, the classifier is refitted on both samples together (both quarters' labels are
 * known by A: twice the complainers of one quarter); that model grades every customer on its
 * features at A: the score is the predicted probability of a complaint in the 90 days after A. The
 * AUC reported is the C1 model's: a slightly pessimistic estimate for the refitted one.
 *
 * <h2>Grades</h2>
 * By rank (default): the top {@code highTopPercent} (5%) of the population's probabilities at A
 * are {@code high}, the next {@code mediumNextPercent} (15%) {@code medium}, the rest {@code low};
 * the cut-offs are fixed at fit time (a second scan of the population) and kept in the parameters,
 * so a customer graded later is held to the same bar. Ties at a cut-off fall to the lower grade:
 * high never exceeds its share. By probability: {@code high} from {@code highFromPercent} (20%),
 * {@code medium} from {@code mediumFromPercent} (5%). The reason gives the probability, the grade's
 * bar and up to three facts that raise the customer's risk most against an average customer, each
 * with its contribution to the log-odds.
 *
 * <h2>Refusals</h2>
 * Fewer than {@code minPositives} (30) complainers in the training sample; no complainer or no
 * other customer in the test sample (no AUC); a classifier that fails.
 *
 * <p>Parameters: the cut dates, kinds, feature names, the classifier and its settings, the
 * standardisation and coefficients of the grading model (and the tested one's coefficients), the
 * class balance, the grading cut-offs. Quality: {@code auc}, {@code baseRate}, {@code trainSize},
 * {@code testSize}, {@code positives} (training complainers), {@code testPositives},
 * {@code trainAuc}, {@code trainBaseRate}, and at A: {@code customers} graded,
 * {@code meanProbability}, {@code share.high}, {@code share.medium}, {@code share.low}.
 */
final class ComplaintFit implements FittedModel {
    static final int LABEL_DAYS = 90;
    static final int TRAIN_CUT_DAYS = 180;
    static final int FACTS = 3;
    /** A contribution to the log-odds below this is not worth telling. */
    static final double NOTABLE = 0.05;
    static final String HIGH = "high";
    static final String MEDIUM = "medium";
    static final String LOW = "low";

    private final ComplaintRules rules;
    private final FeatureExtractor extractor;
    private final LocalDate asOf;
    private final RiskClassifier classifier;
    private final double highCutoff;
    private final double mediumCutoff;
    private final Map<String, Object> parameters;
    private final Map<String, Double> quality;

    private ComplaintFit(ComplaintRules rules, FeatureExtractor extractor, LocalDate asOf, RiskClassifier classifier,
            double highCutoff, double mediumCutoff, Map<String, Object> parameters, Map<String, Double> quality) {
        this.rules = rules;
        this.extractor = extractor;
        this.asOf = asOf;
        this.classifier = classifier;
        this.highCutoff = highCutoff;
        this.mediumCutoff = mediumCutoff;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.quality = Collections.unmodifiableMap(quality);
    }

    static ComplaintFit fit(ComplaintRules rules, Population population, LocalDate asOf) throws GradingException {
        FeatureExtractor extractor = new FeatureExtractor();
        LocalDate trainCut = asOf.minusDays(TRAIN_CUT_DAYS);
        LocalDate testCut = asOf.minusDays(LABEL_DAYS);
        Sample train = new Sample();
        Sample test = new Sample();
        population.forEach(customer -> {
            if (!graded(rules, customer)) {
                return;
            }
            if (extractor.existsAt(customer, trainCut)) {
                train.add(extractor.features(customer, trainCut), extractor.complainsAfter(customer, trainCut, LABEL_DAYS));
            }
            if (extractor.existsAt(customer, testCut)) {
                test.add(extractor.features(customer, testCut), extractor.complainsAfter(customer, testCut, LABEL_DAYS));
            }
        });
        if (train.positives() < rules.minPositives()) {
            throw new GradingException("complaint-risk refuses to fit: " + train.positives() + " of the " + train.size()
                    + " customers of the training sample complained in the " + LABEL_DAYS + " days after " + trainCut
                    + "; at least " + rules.minPositives() + " (minPositives) are needed to learn from");
        }
        if (test.positives() == 0 || test.negatives() == 0) {
            throw new GradingException("complaint-risk refuses to fit: the test sample (" + test.size()
                    + " customers at " + testCut + ") has " + test.positives() + " complainers and " + test.negatives()
                    + " others in the " + LABEL_DAYS + " days to " + asOf + ": no AUC can be measured");
        }
        RiskClassifier tested = RiskClassifier.train(train, rules.lambda(), rules.maxIterations());
        double auc = Auc.of(probabilities(tested, test), test.labels());
        double trainAuc = Auc.of(probabilities(tested, train), train.labels());
        RiskClassifier grading = RiskClassifier.train(train.with(test), rules.lambda(), rules.maxIterations());

        // second scan: the probabilities at asOf, for the rank cut-offs and the shares
        double[][] scores = {new double[1024]};
        int[] graded = {0};
        population.forEach(customer -> {
            if (graded(rules, customer) && extractor.existsAt(customer, asOf)) {
                if (graded[0] == scores[0].length) {
                    scores[0] = Arrays.copyOf(scores[0], graded[0] * 2);
                }
                scores[0][graded[0]++] = grading.probability(extractor.features(customer, asOf));
            }
        });
        double[] atAsOf = Arrays.copyOf(scores[0], graded[0]);
        double highCutoff;
        double mediumCutoff;
        if (rules.gradeBy() == ComplaintRules.GradeBy.RANK) {
            double[] descending = atAsOf.clone();
            Arrays.sort(descending);
            reverse(descending);
            highCutoff = cutoff(descending, rules.highTopPercent());
            mediumCutoff = cutoff(descending, rules.highTopPercent() + rules.mediumNextPercent());
        } else {
            highCutoff = rules.highFromPercent() / 100;
            mediumCutoff = rules.mediumFromPercent() / 100;
        }

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", ComplaintRiskModel.ID);
        p.put("asOf", asOf.toString());
        p.put("trainCut", trainCut.toString());
        p.put("testCut", testCut.toString());
        p.put("labelDays", LABEL_DAYS);
        p.put("split", "train: features at trainCut, labels from the complaints of the " + LABEL_DAYS
                + " days after it; test: features at testCut, labels from the complaints after it to asOf;"
                + " grading model: refitted on train and test together, features at asOf");
        List<String> kinds = new ArrayList<>();
        rules.kinds().forEach(k -> kinds.add(k.name()));
        p.put("kinds", List.copyOf(kinds));
        List<String> features = new ArrayList<>();
        for (Feature f : Feature.values()) {
            features.add(f.key());
        }
        p.put("features", List.copyOf(features));
        p.put("featureWindowsDays", List.of(FeatureExtractor.SHORT_DAYS, FeatureExtractor.LONG_DAYS));
        p.put("classifier", "smile.classification.LogisticRegression (binomial, L2, L-BFGS), Smile 3.1.1,"
                + " on standardised features");
        p.put("lambda", rules.lambda());
        p.put("tolerance", ComplaintRules.TOLERANCE);
        p.put("maxIterations", rules.maxIterations());
        p.put("seed", "none: the fit is deterministic");
        p.put("classWeights", "none: probabilities stay calibrated; the rank is unchanged by weights");
        Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("trainPositives", train.positives());
        balance.put("trainNegatives", train.negatives());
        balance.put("testPositives", test.positives());
        balance.put("testNegatives", test.negatives());
        p.put("classBalance", Collections.unmodifiableMap(balance));
        p.put("minPositives", rules.minPositives());
        p.put("coefficients", Collections.unmodifiableMap(grading.coefficients()));
        p.put("featureMeans", grading.means());
        p.put("featureStandardDeviations", grading.standardDeviations());
        p.put("testedModel.coefficients", Collections.unmodifiableMap(tested.coefficients()));
        p.put("gradeBy", rules.gradeBy().name().toLowerCase(Locale.ROOT));
        if (rules.gradeBy() == ComplaintRules.GradeBy.RANK) {
            p.put("highTopPercent", rules.highTopPercent());
            p.put("mediumNextPercent", rules.mediumNextPercent());
        } else {
            p.put("highFromPercent", rules.highFromPercent());
            p.put("mediumFromPercent", rules.mediumFromPercent());
        }
        p.put("cutoff.high", highCutoff);
        p.put("cutoff.medium", mediumCutoff);

        Map<String, Double> q = new LinkedHashMap<>();
        q.put("auc", auc);
        q.put("baseRate", test.baseRate());
        q.put("trainSize", (double) train.size());
        q.put("testSize", (double) test.size());
        q.put("positives", (double) train.positives());
        q.put("testPositives", (double) test.positives());
        q.put("trainAuc", trainAuc);
        q.put("trainBaseRate", train.baseRate());
        q.put("customers", (double) atAsOf.length);
        if (atAsOf.length > 0) {
            int high = 0;
            int medium = 0;
            double sum = 0;
            for (double s : atAsOf) {
                sum += s;
                if (s > highCutoff || rules.gradeBy() == ComplaintRules.GradeBy.PROBABILITY && s >= highCutoff) {
                    high++;
                } else if (s > mediumCutoff || rules.gradeBy() == ComplaintRules.GradeBy.PROBABILITY && s >= mediumCutoff) {
                    medium++;
                }
            }
            q.put("meanProbability", sum / atAsOf.length);
            q.put("share.high", (double) high / atAsOf.length);
            q.put("share.medium", (double) medium / atAsOf.length);
            q.put("share.low", (double) (atAsOf.length - high - medium) / atAsOf.length);
        }
        return new ComplaintFit(rules, extractor, asOf, grading, highCutoff, mediumCutoff, p, q);
    }

    private static boolean graded(ComplaintRules rules, CustomerSnapshot customer) {
        return customer.profile() != null && customer.profile().kind() != null
                && rules.kinds().contains(customer.profile().kind());
    }

    private static double[] probabilities(RiskClassifier classifier, Sample sample) {
        double[] p = new double[sample.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = classifier.probability(sample.row(i));
        }
        return p;
    }

    /**
     * The best probability outside the top {@code percent}: a customer strictly above it is inside.
     * 0 when the share takes in everyone.
     */
    private static double cutoff(double[] descending, double percent) {
        int inside = (int) Math.ceil(descending.length * percent / 100 - 1e-9);
        return inside < descending.length ? descending[inside] : 0;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public Map<String, Double> quality() {
        return quality;
    }

    @Override
    public Grade grade(CustomerSnapshot customer) {
        CustomerKind kind = customer.profile() == null ? null : customer.profile().kind();
        if (kind == null || !rules.kinds().contains(kind)) {
            return Grade.unknown("complaint-risk does not grade " + (kind == null ? "customers of no kind"
                    : kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " customers") + " (kinds " + rules.kinds()
                    + ")");
        }
        if (!extractor.existsAt(customer, asOf)) {
            return Grade.unknown("account opened " + customer.profile().opened() + ", after " + asOf);
        }
        double[] x = extractor.features(customer, asOf);
        double probability = classifier.probability(x);
        String grade;
        String bar;
        if (rules.gradeBy() == ComplaintRules.GradeBy.RANK) {
            if (probability > highCutoff) {
                grade = HIGH;
                bar = "top " + number(rules.highTopPercent()) + "%: above " + percent(highCutoff);
            } else if (probability > mediumCutoff) {
                grade = MEDIUM;
                bar = "next " + number(rules.mediumNextPercent()) + "%: above " + percent(mediumCutoff);
            } else {
                grade = LOW;
                bar = "at most " + percent(mediumCutoff);
            }
        } else if (probability >= highCutoff) {
            grade = HIGH;
            bar = "from " + percent(highCutoff);
        } else if (probability >= mediumCutoff) {
            grade = MEDIUM;
            bar = "from " + percent(mediumCutoff);
        } else {
            grade = LOW;
            bar = "below " + percent(mediumCutoff);
        }
        StringBuilder reason = new StringBuilder(200).append(percent(probability))
                .append(" chance of a complaint in the ").append(LABEL_DAYS).append(" days after ").append(asOf)
                .append(": ").append(grade).append(" (").append(bar).append(')');
        double[] contributions = classifier.contributions(x);
        Integer[] order = new Integer[contributions.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -contributions[j]));
        int told = 0;
        for (int j : order) {
            if (told == FACTS || contributions[j] < NOTABLE) {
                break;
            }
            reason.append(told == 0 ? "; " : ", ").append(Feature.values()[j].fact(x[j]))
                    .append(String.format(Locale.ROOT, " (%+.2f)", contributions[j]));
            told++;
        }
        if (told == 0) {
            reason.append("; nothing raises the risk above an average customer's");
        }
        return new Grade(grade, probability, reason.toString());
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
