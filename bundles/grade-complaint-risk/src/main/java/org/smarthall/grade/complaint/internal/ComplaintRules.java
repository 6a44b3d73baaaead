package org.smarthall.grade.complaint.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.smarthall.api.customer.CustomerKind;

/**
 * The configuration of the complaint-risk model, checked: one that makes no sense is refused with
 * the attribute and its value named. Field meanings are those of {@link ComplaintConfig}.
 */
record ComplaintRules(Set<CustomerKind> kinds, int minPositives, double lambda, int maxIterations, GradeBy gradeBy,
        double highTopPercent, double mediumNextPercent, double highFromPercent, double mediumFromPercent) {

    /** Convergence tolerance of L-BFGS on the gradient: Smile's default. */
    static final double TOLERANCE = 1e-5;

    enum GradeBy {
        RANK, PROBABILITY
    }

    ComplaintRules {
        if (kinds.isEmpty()) {
            throw refused("kinds is empty: name at least one kind of customer");
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        if (minPositives < 1) {
            throw refused("minPositives = " + minPositives + " must be at least 1");
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw refused("lambda = " + lambda + " must be above 0");
        }
        if (maxIterations < 1) {
            throw refused("maxIterations = " + maxIterations + " must be at least 1");
        }
        if (!(highTopPercent > 0 && highTopPercent < 100)) {
            throw refused("highTopPercent = " + highTopPercent + " must be above 0 and below 100");
        }
        if (!(mediumNextPercent >= 0 && highTopPercent + mediumNextPercent < 100)) {
            throw refused("mediumNextPercent = " + mediumNextPercent + " must be at least 0, and below 100 with"
                    + " highTopPercent = " + highTopPercent);
        }
        if (!(highFromPercent > 0 && highFromPercent <= 100)) {
            throw refused("highFromPercent = " + highFromPercent + " must be above 0 and at most 100");
        }
        if (!(mediumFromPercent > 0 && mediumFromPercent < highFromPercent)) {
            throw refused("mediumFromPercent = " + mediumFromPercent + " must be above 0 and below highFromPercent = "
                    + highFromPercent);
        }
    }

    static ComplaintRules of(ComplaintConfig c) {
        Set<CustomerKind> kinds = EnumSet.noneOf(CustomerKind.class);
        // a cfg file gives one comma-separated string, the web console one value per kind
        for (String value : c.kinds() == null ? new String[0] : c.kinds()) {
            for (String name : value == null ? new String[0] : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(CustomerKind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw refused("kinds holds " + name.trim()
                            + ", not one of RESIDENT, PREPAID_RESIDENT, ENTERPRISE, GOVERNMENT");
                }
            }
        }
        GradeBy gradeBy;
        try {
            gradeBy = GradeBy.valueOf(String.valueOf(c.gradeBy()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused("gradeBy = " + c.gradeBy() + " must be rank or probability");
        }
        return new ComplaintRules(kinds, c.minPositives(), c.lambda(), c.maxIterations(), gradeBy, c.highTopPercent(),
                c.mediumNextPercent(), c.highFromPercent(), c.mediumFromPercent());
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("complaint-risk configuration refused: " + why);
    }
}
