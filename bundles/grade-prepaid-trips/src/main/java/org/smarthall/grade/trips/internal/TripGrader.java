package org.smarthall.grade.trips.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;
import org.smarthall.api.grading.Grade;
import org.smarthall.api.rescue.TripClass;

/**
 * The trip class of one prepaid resident as of a date (seed 003, DOMAIN.md section 4).
 *
 * <p>A trip is a {@link Trip} record of the snapshot: the meter cut the supply because the balance
 * fell below the trip threshold (10 yuan by default, the meter's setting, not this model's). Only
 * the trips of the 12 months before {@code asOf} count: from the start of the day after
 * {@code asOf} minus one year to the end of {@code asOf}, China Standard Time (the window of the
 * fee-risk theme and of the customer 360 view). Balance readings are not counted: a trip is what
 * the meter recorded, not a low reading.
 *
 * <p>With the defaults: no trip is {@code normal} (no push at all), 1 trip {@code occasional}
 * (ask consent; remind only after the customer subscribed), 2 or more {@code frequent} (push
 * directly when the balance is below 20 yuan). The grade is the {@link TripClass} name in lower
 * case, the score the number of trips, and the reason lists the trips' dates and what the class
 * means for the purchase-rescue chain.
 *
 * <p>{@code unknown} (score NaN): the customer is not a prepaid resident, or had no recharge, no
 * trip and no month of metered consumption in the window: nothing shows the meter is in use, and
 * "no trip" would be a guess.
 *
 * <p>Immutable and thread-safe.
 */
public final class TripGrader {
    static final int MONTHS = 12;
    /** Trip dates listed in a reason; more are counted, not listed. */
    static final int DATES_LISTED = 6;

    private final TripRules rules;

    public TripGrader(TripRules rules) {
        this.rules = rules;
    }

    public TripRules rules() {
        return rules;
    }

    /** Grade name of a trip class: its name in lower case. */
    public static String gradeOf(TripClass tripClass) {
        return tripClass.name().toLowerCase(Locale.ROOT);
    }

    /** What the class means for the purchase-rescue chain (seed 003). */
    static String consequence(TripClass tripClass) {
        return switch (tripClass) {
            case NORMAL -> "no push at all";
            case OCCASIONAL -> "ask consent; remind only after the customer subscribes";
            case FREQUENT -> "push directly when the balance is below 20 yuan";
        };
    }

    /** The customer's trip class as of a date; never throws on missing data. */
    public Grade grade(CustomerSnapshot customer, LocalDate asOf) {
        CustomerProfile profile = customer.profile();
        if (profile == null || profile.kind() != CustomerKind.PREPAID_RESIDENT) {
            return Grade.unknown("not a prepaid resident: trip classes are for prepaid meters only");
        }
        Window w = new Window(asOf);
        List<LocalDate> trips = new ArrayList<>();
        for (Trip trip : customer.trips()) {
            if (w.contains(trip.at())) {
                trips.add(LocalDate.ofInstant(trip.at(), Codes.TIME_ZONE));
            }
        }
        if (trips.isEmpty() && !rechargedIn(customer, w) && !consumedIn(customer, w)) {
            return Grade.unknown("no recharge, no meter trip and no metered consumption in the 12 months to " + asOf
                    + ": no evidence the meter is in use");
        }
        trips.sort(null);
        TripClass tripClass = rules.classify(trips.size());
        StringBuilder reason = new StringBuilder(160);
        if (trips.isEmpty()) {
            reason.append("no trip");
        } else {
            reason.append(trips.size()).append(trips.size() == 1 ? " trip" : " trips");
        }
        reason.append(" in the 12 months to ").append(asOf);
        if (!trips.isEmpty()) {
            reason.append(" (");
            for (int i = 0; i < Math.min(trips.size(), DATES_LISTED); i++) {
                reason.append(i == 0 ? "" : ", ").append(trips.get(i));
            }
            if (trips.size() > DATES_LISTED) {
                reason.append(" and ").append(trips.size() - DATES_LISTED).append(" more");
            }
            reason.append(')');
        }
        reason.append(": ").append(gradeOf(tripClass)).append(" (").append(rules.range(tripClass)).append("): ")
                .append(consequence(tripClass));
        return new Grade(gradeOf(tripClass), trips.size(), reason.toString());
    }

    private static boolean rechargedIn(CustomerSnapshot customer, Window w) {
        for (Recharge recharge : customer.recharges()) {
            if (w.contains(recharge.at())) {
                return true;
            }
        }
        return false;
    }

    private static boolean consumedIn(CustomerSnapshot customer, Window w) {
        for (MonthlyConsumption month : customer.consumption()) {
            if (month.month() != null && w.holds(month.month())) {
                Double kwh = month.totalKwh();
                if (kwh != null && kwh > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The 12 months before {@code asOf}: instants from the start of the day after {@code asOf}
     * minus one year to the end of {@code asOf}, China Standard Time; consumption months from the
     * 11th month before the month of {@code asOf} to that month.
     */
    private static final class Window {
        final long since;
        final long until;
        final YearMonth lastMonth;

        Window(LocalDate asOf) {
            this.since = asOf.minusYears(1).plusDays(1).atStartOfDay(Codes.TIME_ZONE).toEpochSecond();
            this.until = asOf.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toEpochSecond();
            this.lastMonth = YearMonth.from(asOf);
        }

        boolean contains(Instant at) {
            if (at == null) {
                return false;
            }
            long s = at.getEpochSecond();
            return s >= since && s < until;
        }

        boolean holds(YearMonth month) {
            return !month.isAfter(lastMonth) && month.isAfter(lastMonth.minusMonths(MONTHS));
        }
    }
}
