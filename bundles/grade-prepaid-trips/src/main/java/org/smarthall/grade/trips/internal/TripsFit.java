package org.smarthall.grade.trips.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.grading.FittedModel;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.grading.Population;
import org.smarthall.api.rescue.TripClass;

/**
 * The prepaid-trips model as of a date. Parameters: the model id, the date, the window and the
 * thresholds. Quality: {@code customers} (all the population), {@code graded} and {@code unknown}
 * customers, and {@code share.normal}, {@code share.occasional}, {@code share.frequent}: each
 * class's share of the graded customers (0 to 1; left out when none was graded), to hold against
 * the seed's 31% who tripped twice or more.
 */
final class TripsFit implements FittedModel {
    private final TripGrader grader;
    private final LocalDate asOf;
    private final Map<String, Object> parameters;
    private final Map<String, Double> quality;

    private TripsFit(TripGrader grader, LocalDate asOf, Map<String, Double> quality) {
        this.grader = grader;
        this.asOf = asOf;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", PrepaidTripsModel.ID);
        p.put("asOf", asOf.toString());
        p.put("windowMonths", TripGrader.MONTHS);
        p.put("occasionalFrom", grader.rules().occasionalFrom());
        p.put("frequentFrom", grader.rules().frequentFrom());
        this.parameters = Collections.unmodifiableMap(p);
        this.quality = Collections.unmodifiableMap(quality);
    }

    static TripsFit of(TripGrader grader, Population population, LocalDate asOf) {
        long[] customers = new long[1];
        long[] unknown = new long[1];
        Map<String, Long> counts = new HashMap<>();
        population.forEach(customer -> {
            customers[0]++;
            Grade grade = grader.grade(customer, asOf);
            if (Grade.UNKNOWN.equals(grade.grade())) {
                unknown[0]++;
            } else {
                counts.merge(grade.grade(), 1L, Long::sum);
            }
        });
        long graded = customers[0] - unknown[0];
        Map<String, Double> q = new LinkedHashMap<>();
        q.put("customers", (double) customers[0]);
        q.put("graded", (double) graded);
        q.put("unknown", (double) unknown[0]);
        if (graded > 0) {
            for (TripClass c : TripClass.values()) {
                q.put("share." + TripGrader.gradeOf(c), (double) counts.getOrDefault(TripGrader.gradeOf(c), 0L) / graded);
            }
        }
        return new TripsFit(grader, asOf, q);
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
        return grader.grade(customer, asOf);
    }
}
