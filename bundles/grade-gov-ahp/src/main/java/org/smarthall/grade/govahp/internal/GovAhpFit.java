package org.smarthall.grade.govahp.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import org.smarthall.grade.govahp.internal.GovAhpRules.MissingPolicy;

/**
 * The gov-ahp model fitted on a population: the AHP weights of the configuration and the
 * normalisation bounds of each indicator over the population's government customers. Grades a
 * customer by {@code F = sum of weight x indicator} on 0-100.
 *
 * <p>{@link #parameters()} holds everything a run needs to be reproduced and explained: the
 * criteria, judgements, full matrix, weights, lambda max, CI, RI, CR, thresholds, the indicator
 * settings, the bounds and the missing-value policy, and the counts of the fitted population.
 * Fitting twice on the same population as of the same date gives equal parameters.
 *
 * <p>Immutable and thread-safe: one instance grades on every thread of a run.
 */
public final class GovAhpFit implements FittedModel {
    /** Version of the scoring rules, recorded with every run. */
    static final String VERSION = "1.0";
    /** F is rounded to this many decimals before it is compared with the thresholds: no floating-point noise at 80. */
    private static final double F_SCALE = 1e6;

    private final GovAhpRules rules;
    private final GovernmentIndicators indicators;
    private final Map<Criterion, Bounds> bounds;
    private final Map<String, Object> parameters;
    private final Map<String, Double> quality;

    private GovAhpFit(GovAhpRules rules, LocalDate asOf, Map<Criterion, Bounds> bounds, Scan scan) {
        this.rules = rules;
        this.indicators = new GovernmentIndicators(rules.indicators(), asOf);
        this.bounds = Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
        PairwiseComparison pc = rules.comparison();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", GovAhpModel.ID);
        p.put("version", VERSION);
        p.put("asOf", asOf.toString());
        p.put("window", indicators.window());
        p.put("criteria", rules.criteria().stream().map(c -> c.id).toList());
        p.put("pairwise", rules.pairwise());
        p.put("matrix", pc.rows());
        Map<String, Object> weights = new LinkedHashMap<>();
        for (int i = 0; i < rules.criteria().size(); i++) {
            weights.put(rules.criteria().get(i).id, pc.weights().get(i));
        }
        p.put("weights", Collections.unmodifiableMap(weights));
        p.put("lambdaMax", pc.lambdaMax());
        p.put("ci", pc.ci());
        p.put("ri", pc.ri());
        p.put("cr", pc.cr());
        p.put("maxConsistencyRatio", rules.maxConsistencyRatio());
        p.put("powerIterations", pc.iterations());
        p.put("thresholds", ordered("diamondAbove", rules.diamondAbove(), "platinumAbove", rules.platinumAbove()));
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("method", "min-max onto 0-100 over the government customers of the fitted population that have the"
                + " indicator: 100 x (t(x) - t(min)) / (t(max) - t(min)); customers graded later outside the bounds are"
                + " clamped to 0 or 100; min = max gives everyone 50; a critical industry raises supply dependency to"
                + " the critical floor after normalisation");
        Map<String, Object> b = new LinkedHashMap<>();
        for (Map.Entry<Criterion, Bounds> e : bounds.entrySet()) {
            b.put(e.getKey().id, e.getValue().parameters(e.getKey().unit));
        }
        norm.put("bounds", Collections.unmodifiableMap(b));
        p.put("normalisation", Collections.unmodifiableMap(norm));
        p.put("missingIndicator", ordered("policy", rules.missingIndicator().id, "rule",
                rules.missingIndicator().description));
        p.put("indicators", rules.indicators().parameters());
        Map<String, Object> missing = new LinkedHashMap<>();
        for (int i = 0; i < rules.criteria().size(); i++) {
            missing.put(rules.criteria().get(i).id, scan.missing[i]);
        }
        Map<String, Object> population = new LinkedHashMap<>();
        population.put("customers", scan.customers);
        population.put("government", scan.government);
        population.put("complete", scan.complete);
        population.put("missing", Collections.unmodifiableMap(missing));
        p.put("population", Collections.unmodifiableMap(population));
        this.parameters = Collections.unmodifiableMap(p);
        Map<String, Double> q = new LinkedHashMap<>();
        q.put("cr", pc.cr());
        q.put("lambdaMax", pc.lambdaMax());
        q.put("ci", pc.ci());
        this.quality = Collections.unmodifiableMap(q);
    }

    /**
     * Fits on the government customers of a population, scanning it once.
     *
     * @throws GradingException when the matrix's CR is above the largest accepted, the population
     *         holds no government customer, or no government customer has a value for a criterion
     */
    public static GovAhpFit fit(GovAhpRules rules, Population population, LocalDate asOf) throws GradingException {
        PairwiseComparison pc = rules.comparison();
        if (pc.cr() > rules.maxConsistencyRatio()) {
            throw new GradingException(inconsistency(rules));
        }
        List<Criterion> criteria = rules.criteria();
        GovernmentIndicators indicators = new GovernmentIndicators(rules.indicators(), asOf);
        Scan scan = new Scan(criteria.size());
        population.forEach(customer -> {
            scan.customers++;
            if (customer.profile().kind() != CustomerKind.GOVERNMENT) {
                return;
            }
            scan.government++;
            boolean complete = true;
            for (int i = 0; i < criteria.size(); i++) {
                Reading r = indicators.read(criteria.get(i), customer);
                if (r.isMissing()) {
                    scan.missing[i]++;
                    complete = false;
                } else {
                    scan.min[i] = Math.min(scan.min[i], r.value());
                    scan.max[i] = Math.max(scan.max[i], r.value());
                }
            }
            if (complete) {
                scan.complete++;
            }
        });
        if (scan.government == 0) {
            throw new GradingException("no government customer among the " + scan.customers
                    + " customers of the population: nothing to fit on");
        }
        Map<Criterion, Bounds> bounds = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            if (scan.missing[i] == scan.government) {
                throw new GradingException("none of the " + scan.government + " government customers has a value for "
                        + c.label + ": its 0-100 scale cannot be set");
            }
            bounds.put(c, new Bounds(scan.min[i], scan.max[i], rules.indicators().logScale() && !c.points));
        }
        return new GovAhpFit(rules, asOf, bounds, scan);
    }

    /** {@code pairwise comparison matrix is inconsistent: CR = 0.143 > 0.10 (...)}. */
    static String inconsistency(GovAhpRules rules) {
        PairwiseComparison pc = rules.comparison();
        // as configured, with at least 2 decimals: 0.10, 0.15, 0.125
        BigDecimal limit = BigDecimal.valueOf(rules.maxConsistencyRatio()).stripTrailingZeros();
        String max = limit.setScale(Math.max(2, limit.scale())).toPlainString();
        String cr = decimals(pc.cr(), 3);
        for (int d = 4; d <= 6 && new BigDecimal(cr).doubleValue() <= rules.maxConsistencyRatio(); d++) {
            cr = decimals(pc.cr(), d);
        }
        return "pairwise comparison matrix is inconsistent: CR = " + cr + " > " + max + " (lambda max "
                + decimals(pc.lambdaMax(), 3) + ", CI " + decimals(pc.ci(), 3) + ", RI " + decimals(pc.ri(), 2)
                + " for " + pc.size() + " criteria); revise the judgements in pairwise '" + rules.pairwise()
                + "' until CR <= " + max;
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
        if (customer.profile().kind() != CustomerKind.GOVERNMENT) {
            return Grade.unknown("not a government customer");
        }
        List<Criterion> criteria = rules.criteria();
        List<Double> weights = rules.comparison().weights();
        List<String> terms = new ArrayList<>(criteria.size());
        List<String> missing = new ArrayList<>();
        double f = 0;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            Reading r = indicators.read(c, customer);
            double n;
            String detail;
            if (r.isMissing()) {
                if (rules.missingIndicator() == MissingPolicy.UNKNOWN) {
                    missing.add(c.label + " missing: " + r.missing());
                    continue;
                }
                n = 0;
                detail = "missing: " + r.missing() + "; counted 0";
            } else {
                Bounds b = bounds.get(c);
                n = Math.max(b.normalise(r.value()), r.floor());
                detail = r.detail();
                if (r.value() < b.min()) {
                    detail += ", below the fitted minimum";
                } else if (r.value() > b.max()) {
                    detail += ", above the fitted maximum";
                }
            }
            f += weights.get(i) * n;
            terms.add(decimals(weights.get(i), 2) + " x " + c.label + " " + Math.round(n) + " (" + detail + ")");
        }
        if (!missing.isEmpty()) {
            return Grade.unknown(String.join("; ", missing));
        }
        f = Math.round(f * F_SCALE) / F_SCALE;
        String grade = rules.gradeOf(f);
        return new Grade(grade, f, "F " + score(f) + " = " + String.join(" + ", terms) + "; " + rules.gradeRule(grade));
    }

    /** F to one decimal, or to as many as it takes not to look like a threshold it is not. */
    private String score(double f) {
        String text = decimals(f, 1);
        double shown = Double.parseDouble(text);
        if (shown != f && (shown == rules.diamondAbove() || shown == rules.platinumAbove())) {
            return BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    /** A two-entry map that keeps its order: parameters serialise the same way every run. */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return Collections.unmodifiableMap(m);
    }

    private static String decimals(double x, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", x);
    }

    /** What one scan of the population found. */
    private static final class Scan {
        long customers;
        long government;
        long complete;
        final long[] missing;
        final double[] min;
        final double[] max;

        Scan(int criteria) {
            missing = new long[criteria];
            min = new double[criteria];
            max = new double[criteria];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }
    }
}
