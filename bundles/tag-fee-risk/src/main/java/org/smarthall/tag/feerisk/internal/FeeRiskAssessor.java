package org.smarthall.tag.feerisk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;
import org.smarthall.api.tag.TagValue;

/**
 * Fee risk of one customer as a transparent points score: <b>0 to 100 points, higher is
 * riskier</b>. The tag's score is the points (raised to the medium threshold when the
 * frequent-trip rule applies, below); the value is {@code high} from {@link FeeRiskRules#highThreshold()}
 * (default 60), {@code medium} from {@link FeeRiskRules#mediumThreshold()} (default 30), {@code low}
 * below, and {@code unknown} (score 0) when there is nothing to judge by.
 *
 * <p>Only the 12 months before {@code asOf} count: a bill when its billing month starts after
 * {@code asOf} minus one year and not after {@code asOf}; a trip, recharge or consumption month
 * likewise, by its China Standard Time date. This is the window of the customer 360 view's summary,
 * so the numbers in a reason match what staff see there.
 *
 * <h2>Post-paid customers (resident, enterprise, government)</h2>
 * Facts from the bills of the window that are due by {@code asOf}. A bill is <i>late</i> when it was
 * settled in full more than {@code graceDays} (5) after its due date, or is still unpaid that long
 * after it; a bill whose full payment came after {@code asOf} counts as unpaid on {@code asOf}. A
 * bill is <i>in arrears</i> when it was due before {@code asOf} and not settled in full by then.
 * Partial payments need no matching with the payments list: a bill's {@code paid} date is when it
 * was settled in full and its {@code outstanding} what is left of it.
 * <table>
 * <caption>Points (defaults)</caption>
 * <tr><th>fact</th><th>points</th><th>cap</th></tr>
 * <tr><td>late bills</td><td>6 each</td><td>30</td></tr>
 * <tr><td>longest delay in days</td><td>20 &times; days / 60</td><td>20</td></tr>
 * <tr><td>months (bills) in arrears</td><td>10 each</td><td>30</td></tr>
 * <tr><td>amount outstanding / mean monthly bill of the window</td><td>10 per mean bill</td><td>20</td></tr>
 * <tr><td>mean of the 3 latest billed months at least 50% above the mean of the months before
 * them (at least 3 of those)</td><td>10</td><td>10</td></tr>
 * </table>
 * The sum is rounded and capped at 100. A bill in arrears whose outstanding amount is not known
 * (not given, or the bill was settled after {@code asOf}) counts as a month in arrears but adds
 * nothing to the amount; the reason says so. Unknown: no bill in the window, or none due by
 * {@code asOf}.
 *
 * <h2>Prepaid residents</h2>
 * Facts from meter trips (the balance fell below 10 yuan and the meter cut the supply) and
 * recharge attempts. Points: 15 per trip (cap 60) and 5 per failed recharge (cap 15). Seed 003
 * calls 2 trips a year or more a frequent tripper: {@code frequentTrips} (2) trips or more make at
 * least medium risk whatever the points, and the score is raised to the medium threshold. With
 * the defaults: no trip is low (unless 6 recharges failed), 1 trip low, 2 or 3 trips medium, 4 or
 * more high. Unknown: no recharge, no trip and no month with metered consumption in the window.
 *
 * <p>Immutable and thread-safe: one instance serves every tagging thread.
 */
public final class FeeRiskAssessor {
    public static final String DIMENSION = "fee-risk";
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";
    /** Latest billed months whose mean is compared with the months before them. */
    static final int RECENT_MONTHS = 3;
    /** The trend is scored only with at least this many billed months before the recent ones. */
    static final int MIN_EARLIER_MONTHS = 3;
    private static final int MONTHS = 12;

    private final FeeRiskRules rules;
    /** The window of the last {@code asOf} asked for: the same for every customer of a run. */
    private volatile Window lastWindow;

    public FeeRiskAssessor(FeeRiskRules rules) {
        this.rules = rules;
    }

    public FeeRiskRules rules() {
        return rules;
    }

    /** The fee-risk tag of a customer as of a date; never throws on missing data. */
    public TagValue assess(CustomerSnapshot customer, LocalDate asOf) {
        CustomerProfile profile = customer.profile();
        CustomerKind kind = profile == null ? null : profile.kind();
        if (kind == null) {
            return TagValue.unknown(DIMENSION, "customer kind not given: post-paid and prepaid are judged differently");
        }
        Window window = window(asOf);
        return kind == CustomerKind.PREPAID_RESIDENT ? prepaid(customer, window) : postPaid(customer, window);
    }

    private TagValue postPaid(CustomerSnapshot customer, Window w) {
        LocalDate asOf = w.asOf;
        long asOfDay = asOf.toEpochDay();
        int billed = 0;
        int due = 0;
        int late = 0;
        long maxLate = 0;
        int arrears = 0;
        int owedUnknown = 0;
        BigDecimal owed = BigDecimal.ZERO;
        double amountSum = 0;
        int amounts = 0;
        double[] amountByAge = new double[MONTHS];
        boolean[] billedByAge = new boolean[MONTHS];
        for (Bill bill : customer.bills()) {
            if (bill.period() == null || bill.due() == null) {
                continue;
            }
            int age = w.age(bill.period());
            if (age < 0 || age >= MONTHS) {
                continue;
            }
            billed++;
            if (bill.amount() != null) {
                double amount = bill.amount().doubleValue();
                amountSum += amount;
                amounts++;
                amountByAge[age] += amount;
                billedByAge[age] = true;
            }
            long dueDay = bill.due().toEpochDay();
            if (dueDay > asOfDay) {
                continue;
            }
            due++;
            LocalDate paid = bill.paid();
            boolean paidByAsOf = paid != null && !paid.isAfter(asOf);
            BigDecimal outstanding = bill.outstanding();
            if (paid == null && outstanding != null && outstanding.signum() <= 0) {
                // settled, but the source does not say when: no delay to count
                continue;
            }
            long lateDays = (paidByAsOf ? paid.toEpochDay() : asOfDay) - dueDay;
            if (lateDays > rules.graceDays()) {
                late++;
                maxLate = Math.max(maxLate, lateDays);
            }
            if (!paidByAsOf && dueDay < asOfDay) {
                arrears++;
                if (paid == null && outstanding != null) {
                    owed = owed.add(outstanding);
                } else {
                    owedUnknown++;
                }
            }
        }
        if (billed == 0) {
            return TagValue.unknown(DIMENSION, "no bill in the 12 months before " + asOf);
        }
        if (due == 0) {
            return TagValue.unknown(DIMENSION, (billed == 1 ? "the one bill" : "none of the " + billed + " bills")
                    + " of the 12 months before " + asOf + " was due by then");
        }
        double meanBill = amounts == 0 ? 0 : amountSum / amounts;
        double rise = rise(amountByAge, billedByAge);

        double points = Math.min(rules.lateBillsMaxPoints(), late * rules.pointsPerLateBill());
        if (late > 0) {
            points += maxLate >= rules.lateDaysForFullPoints() ? rules.maxLateDaysPoints()
                    : (double) rules.maxLateDaysPoints() * maxLate / rules.lateDaysForFullPoints();
        }
        points += Math.min(rules.arrearsMaxPoints(), arrears * rules.pointsPerArrearsMonth());
        double owedBills = meanBill > 0 ? owed.doubleValue() / meanBill : 0;
        points += Math.min(rules.outstandingMaxPoints(), owedBills * rules.pointsPerOutstandingBill());
        boolean steep = rise * 100 >= rules.trendRisePercent();
        if (steep) {
            points += rules.trendPoints();
        }
        int score = (int) Math.min(FeeRiskRules.MAX_POINTS, Math.round(points));

        StringBuilder reason = new StringBuilder(160).append(score).append(" points: ");
        if (late == 0) {
            reason.append(due).append(due == 1 ? " bill" : " bills").append(", none over ").append(rules.graceDays())
                    .append(" days late");
        } else {
            reason.append(late).append(" of ").append(due).append(" bills over ").append(rules.graceDays())
                    .append(" days late (max ").append(maxLate).append(" days)");
        }
        if (arrears == 0) {
            reason.append("; nothing outstanding");
        } else {
            reason.append("; ").append(arrears).append(arrears == 1 ? " month" : " months").append(" in arrears, ")
                    .append(money(owed)).append(" yuan outstanding");
            if (meanBill > 0 && owed.signum() > 0) {
                reason.append(" (").append(oneDecimal(owedBills)).append(" mean bills)");
            }
            if (owedUnknown > 0) {
                reason.append(", amount owed on ").append(owedUnknown).append(owedUnknown == 1 ? " bill" : " bills")
                        .append(" not known");
            }
        }
        if (steep) {
            reason.append("; bills up ").append(Math.round(rise * 100)).append("% in the last ").append(RECENT_MONTHS)
                    .append(" billed months");
        }
        return new TagValue(DIMENSION, valueOf(score), score, reason.toString());
    }

    /**
     * Relative rise of the mean bill of the {@link #RECENT_MONTHS} latest billed months over the
     * mean of the billed months before them; 0 when there are too few of those to tell.
     */
    private static double rise(double[] amountByAge, boolean[] billedByAge) {
        int recentMonths = 0;
        double recent = 0;
        int earlierMonths = 0;
        double earlier = 0;
        for (int age = 0; age < MONTHS; age++) {
            if (!billedByAge[age]) {
                continue;
            }
            if (recentMonths < RECENT_MONTHS) {
                recentMonths++;
                recent += amountByAge[age];
            } else {
                earlierMonths++;
                earlier += amountByAge[age];
            }
        }
        if (earlierMonths < MIN_EARLIER_MONTHS || earlier <= 0) {
            return 0;
        }
        return (recent / recentMonths) / (earlier / earlierMonths) - 1;
    }

    private TagValue prepaid(CustomerSnapshot customer, Window w) {
        int trips = 0;
        for (Trip trip : customer.trips()) {
            if (w.contains(trip.at())) {
                trips++;
            }
        }
        int recharges = 0;
        int failed = 0;
        for (Recharge recharge : customer.recharges()) {
            if (w.contains(recharge.at())) {
                recharges++;
                if (!recharge.success()) {
                    failed++;
                }
            }
        }
        if (trips == 0 && recharges == 0 && !consumed(customer, w)) {
            return TagValue.unknown(DIMENSION, "no recharge, no meter trip and no metered consumption in the 12 months before "
                    + w.asOf);
        }
        double points = Math.min(rules.tripsMaxPoints(), trips * rules.pointsPerTrip())
                + Math.min(rules.failedRechargesMaxPoints(), failed * rules.pointsPerFailedRecharge());
        int score = (int) Math.min(FeeRiskRules.MAX_POINTS, Math.round(points));
        StringBuilder reason = new StringBuilder(120).append(score).append(" points: ");
        if (trips == 0) {
            reason.append("no meter trip");
        } else {
            reason.append(trips).append(trips == 1 ? " meter trip" : " meter trips").append(" (balance below 10 yuan)");
        }
        reason.append(", ").append(failed).append(" of ").append(recharges).append(" recharges failed");
        String value = valueOf(score);
        if (trips >= rules.frequentTrips() && score < rules.mediumThreshold()) {
            score = rules.mediumThreshold();
            value = MEDIUM;
            reason.append("; ").append(rules.frequentTrips()).append(" trips or more: at least medium");
        }
        return new TagValue(DIMENSION, value, score, reason.toString());
    }

    private static boolean consumed(CustomerSnapshot customer, Window w) {
        for (MonthlyConsumption month : customer.consumption()) {
            if (month.month() == null) {
                continue;
            }
            int age = w.age(month.month());
            if (age >= 0 && age < MONTHS) {
                Double kwh = month.totalKwh();
                if (kwh != null && kwh > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private String valueOf(int score) {
        return score >= rules.highThreshold() ? HIGH : score >= rules.mediumThreshold() ? MEDIUM : LOW;
    }

    private Window window(LocalDate asOf) {
        Window w = lastWindow;
        if (w == null || !w.asOf.equals(asOf)) {
            w = new Window(asOf);
            lastWindow = w;
        }
        return w;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String oneDecimal(double x) {
        long tenths = Math.round(x * 10);
        return tenths / 10 + "." + tenths % 10;
    }

    /**
     * The 12 months before {@code asOf}: billing months by their distance from the month of
     * {@code asOf} (0 to 11), instants from the start of the day after {@code asOf} minus one
     * year to the end of {@code asOf}, China Standard Time.
     */
    private static final class Window {
        final LocalDate asOf;
        final int asOfMonth;
        final long since;
        final long until;

        Window(LocalDate asOf) {
            this.asOf = asOf;
            this.asOfMonth = asOf.getYear() * 12 + asOf.getMonthValue() - 1;
            this.since = asOf.minusYears(1).plusDays(1).atStartOfDay(Codes.TIME_ZONE).toEpochSecond();
            this.until = asOf.plusDays(1).atStartOfDay(Codes.TIME_ZONE).toEpochSecond();
        }

        /** Months from {@code month} to the month of {@code asOf}: 0 to 11 inside the window. */
        int age(YearMonth month) {
            return asOfMonth - (month.getYear() * 12 + month.getMonthValue() - 1);
        }

        boolean contains(Instant at) {
            if (at == null) {
                return false;
            }
            long s = at.getEpochSecond();
            return s >= since && s < until;
        }
    }
}
