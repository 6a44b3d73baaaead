package org.smarthall.grade.complaint.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.Rating;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.customer.WorkOrderKind;

/**
 * The {@link Feature}s of a customer as they stood at the end of a cut date, and whether the
 * customer complained in the days after it (the label). Nothing after the cut date reaches the
 * features: an event counts when it happened before the day after the cut date began (China
 * Standard Time); a work order resolved after the cut date was unresolved then; a bill settled
 * after it was unpaid then; a satisfaction score on a work order counts from its resolution.
 *
 * <ul>
 * <li>work orders by kind (complaint, repair, enquiry, failed purchase) opened in the 90 and the
 * 180 days up to the cut date; work orders opened by then and not resolved by then;</li>
 * <li>dissatisfied ratings: ratings of 1 or 2, and work orders resolved with a satisfaction of 1 or
 * 2, in the 180 days;</li>
 * <li>bills due in the 180 days and settled late, or not settled by the cut date; months in arrears:
 * bills due before the cut date and not settled by then (a bill marked settled without a date is
 * settled); the amount outstanding on them, as log(1 + yuan): for a bill still unpaid its
 * outstanding amount (the amount when not given), for one settled after the cut date its amount
 * (partial payments before the cut date are not dated in the snapshot);</li>
 * <li>meter trips in the 90 and 180 days, failed recharges in the 180 days (prepaid);</li>
 * <li>the customer's kind, one-hot; account age in years at the cut date, and whether the opening
 * date is unknown (then the age is 0: missing values are flagged, not replaced by a mean).</li>
 * </ul>
 *
 * <p>Outages felt and the customer's tags are not in a {@link CustomerSnapshot}: this version does
 * without them. A later one can add the tag engine's results as features.
 *
 * <p>Stateless and thread-safe.
 */
final class FeatureExtractor {
    static final int SHORT_DAYS = 90;
    static final int LONG_DAYS = 180;
    /** Ratings and work-order satisfaction at or below this are dissatisfied. */
    static final int DISSATISFIED = 2;

    /** Whether the customer had an account at the end of the cut date (opening date unknown: yes). */
    boolean existsAt(CustomerSnapshot customer, LocalDate cut) {
        LocalDate opened = customer.profile().opened();
        return opened == null || !opened.isAfter(cut);
    }

    /** At least one complaint opened in the {@code days} days after the cut date. */
    boolean complainsAfter(CustomerSnapshot customer, LocalDate cut, int days) {
        long from = startOf(cut.plusDays(1));
        long to = startOf(cut.plusDays(1 + days));
        for (WorkOrder order : customer.workOrders()) {
            if (order.kind() == WorkOrderKind.COMPLAINT && within(order.opened(), from, to)) {
                return true;
            }
        }
        return false;
    }

    /** The features at the end of the cut date, in {@link Feature} order. */
    double[] features(CustomerSnapshot customer, LocalDate cut) {
        double[] x = new double[Feature.COUNT];
        long end = startOf(cut.plusDays(1));
        long short0 = startOf(cut.plusDays(1 - SHORT_DAYS));
        long long0 = startOf(cut.plusDays(1 - LONG_DAYS));

        for (WorkOrder order : customer.workOrders()) {
            if (order.opened() == null) {
                continue;
            }
            long opened = order.opened().getEpochSecond();
            if (opened >= end) {
                continue;
            }
            if (order.resolved() == null || order.resolved().getEpochSecond() >= end) {
                x[Feature.UNRESOLVED_ORDERS.ordinal()]++;
            } else if (order.satisfaction() != null && order.satisfaction() <= DISSATISFIED
                    && order.resolved().getEpochSecond() >= long0) {
                x[Feature.DISSATISFIED_180.ordinal()]++;
            }
            if (opened < long0 || order.kind() == null) {
                continue;
            }
            Feature shortWindow;
            Feature longWindow;
            switch (order.kind()) {
                case COMPLAINT -> {
                    shortWindow = Feature.COMPLAINTS_90;
                    longWindow = Feature.COMPLAINTS_180;
                }
                case REPAIR -> {
                    shortWindow = Feature.REPAIRS_90;
                    longWindow = Feature.REPAIRS_180;
                }
                case ENQUIRY -> {
                    shortWindow = Feature.ENQUIRIES_90;
                    longWindow = Feature.ENQUIRIES_180;
                }
                case FAILED_PURCHASE -> {
                    shortWindow = Feature.FAILED_PURCHASES_90;
                    longWindow = Feature.FAILED_PURCHASES_180;
                }
                default -> {
                    continue;
                }
            }
            x[longWindow.ordinal()]++;
            if (opened >= short0) {
                x[shortWindow.ordinal()]++;
            }
        }
        for (Rating rating : customer.ratings()) {
            if (within(rating.at(), long0, end) && rating.score() <= DISSATISFIED) {
                x[Feature.DISSATISFIED_180.ordinal()]++;
            }
        }
        bills(customer, cut, x);
        for (Trip trip : customer.trips()) {
            if (within(trip.at(), long0, end)) {
                x[Feature.TRIPS_180.ordinal()]++;
                if (trip.at().getEpochSecond() >= short0) {
                    x[Feature.TRIPS_90.ordinal()]++;
                }
            }
        }
        for (Recharge recharge : customer.recharges()) {
            if (!recharge.success() && within(recharge.at(), long0, end)) {
                x[Feature.FAILED_RECHARGES_180.ordinal()]++;
            }
        }
        CustomerProfile profile = customer.profile();
        if (profile.kind() != null) {
            Feature kind = switch (profile.kind()) {
                case RESIDENT -> Feature.KIND_RESIDENT;
                case PREPAID_RESIDENT -> Feature.KIND_PREPAID;
                case ENTERPRISE -> Feature.KIND_ENTERPRISE;
                case GOVERNMENT -> Feature.KIND_GOVERNMENT;
            };
            x[kind.ordinal()] = 1;
        }
        if (profile.opened() == null) {
            x[Feature.ACCOUNT_AGE_UNKNOWN.ordinal()] = 1;
        } else {
            x[Feature.ACCOUNT_AGE.ordinal()] = Math.max(0, ChronoUnit.DAYS.between(profile.opened(), cut)) / 365.25;
        }
        return x;
    }

    private static void bills(CustomerSnapshot customer, LocalDate cut, double[] x) {
        LocalDate lateFrom = cut.minusDays(LONG_DAYS - 1);
        double owed = 0;
        for (Bill bill : customer.bills()) {
            LocalDate due = bill.due();
            if (due == null || due.isAfter(cut)) {
                continue;
            }
            LocalDate paid = bill.paid();
            if (paid == null && bill.outstanding() != null && bill.outstanding().signum() <= 0) {
                // settled, but the source does not say when
                continue;
            }
            boolean settledByCut = paid != null && !paid.isAfter(cut);
            if (!due.isBefore(lateFrom) && (settledByCut ? paid.isAfter(due) : due.isBefore(cut))) {
                x[Feature.LATE_BILLS_180.ordinal()]++;
            }
            if (!settledByCut && due.isBefore(cut)) {
                x[Feature.ARREARS_MONTHS.ordinal()]++;
                BigDecimal amount = paid == null && bill.outstanding() != null ? bill.outstanding() : bill.amount();
                if (amount != null && amount.signum() > 0) {
                    owed += amount.doubleValue();
                }
            }
        }
        x[Feature.OUTSTANDING.ordinal()] = Math.log1p(owed);
    }

    static long startOf(LocalDate day) {
        return day.atStartOfDay(Codes.TIME_ZONE).toEpochSecond();
    }

    private static boolean within(Instant at, long from, long to) {
        if (at == null) {
            return false;
        }
        long s = at.getEpochSecond();
        return s >= from && s < to;
    }
}
