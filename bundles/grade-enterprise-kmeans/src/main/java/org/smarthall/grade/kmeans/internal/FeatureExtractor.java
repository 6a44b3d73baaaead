package org.smarthall.grade.kmeans.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.CreditRecord;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;

/**
 * The six features of an enterprise as of a grading date (DOMAIN.md section 2). The window is the
 * 12 calendar months ending with the month of {@code asOf}, as for the tag themes.
 * <ul>
 * <li><b>account age</b>: years (days / 365.25) from {@code profile.opened} to {@code asOf}.
 * Missing without an opening date or with one after {@code asOf}.</li>
 * <li><b>consumption level</b>: log10(1 + annual kWh), the annual kWh being 12 times the mean of
 * the metered months of the window (a month is metered when {@link MonthlyConsumption#totalKwh()}
 * is not null). The logarithm because enterprises' consumption spans four orders of magnitude: on
 * raw kWh the few largest consumers would make a cluster of their own. Missing with fewer than
 * {@value #MIN_METERED_MONTHS} metered months.</li>
 * <li><b>consumption growth</b>: the latest 6 months of the window against the 6 before them (not
 * a least-squares slope), as the symmetric change (later - earlier) / (later + earlier) of the
 * two halves' monthly means: -1 (stopped) to +1 (started), 0 flat; the plain rate later/earlier -
 * 1 is r, and the feature is r / (2 + r), bounded so that a start-up from almost nothing does not
 * dominate the z-scores. Missing with fewer than {@value #MIN_METERED_HALF} metered months in
 * either half, or no consumption in either.</li>
 * <li><b>industry prosperity</b> and <b>industry direct-purchase ratio</b>: from the
 * {@link IndustryTable} by the profile's GB/T 4754 industry code. Missing without a code or for a
 * code the table does not list.</li>
 * <li><b>credit</b>: 0 to 100, higher is better: 100, minus {@value #LATE_SHARE_POINTS} times the
 * share of the window's bills due by {@code asOf} that were settled more than
 * {@value #GRACE_DAYS} days after their due date (or are still unpaid that long after it), minus
 * {@value #POINTS_PER_ARREARS_MONTH} per bill in arrears on {@code asOf} (at most
 * {@value #ARREARS_MAX_POINTS}), minus {@value #POINTS_PER_DEFAULT} per {@code default} and
 * {@value #POINTS_PER_OVERDUE} per {@code overdue} record of the third-party credit feed reported
 * in the {@value #CREDIT_FEED_MONTHS} months up to {@code asOf} (at most
 * {@value #FEED_MAX_POINTS}); never below 0. Missing when no bill of the window was due by
 * {@code asOf}: the feed alone only ever subtracts, so it cannot make a score.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class FeatureExtractor {
    static final int MONTHS = 12;
    static final int HALF = 6;
    static final int MIN_METERED_MONTHS = 6;
    static final int MIN_METERED_HALF = 3;
    static final int GRACE_DAYS = 5;
    static final int LATE_SHARE_POINTS = 40;
    static final int POINTS_PER_ARREARS_MONTH = 10;
    static final int ARREARS_MAX_POINTS = 30;
    static final int POINTS_PER_DEFAULT = 15;
    static final int POINTS_PER_OVERDUE = 5;
    static final int FEED_MAX_POINTS = 30;
    static final int CREDIT_FEED_MONTHS = 24;

    private final IndustryTable industries;

    public FeatureExtractor(IndustryTable industries) {
        this.industries = industries;
    }

    public EnterpriseFeatures extract(CustomerSnapshot customer, LocalDate asOf) {
        double[] values = new double[Feature.COUNT];
        String[] why = new String[Feature.COUNT];
        java.util.Arrays.fill(values, Double.NaN);
        CustomerProfile profile = customer.profile();

        LocalDate opened = profile == null ? null : profile.opened();
        if (opened == null) {
            why[Feature.ACCOUNT_AGE.ordinal()] = "opening date not given";
        } else if (opened.isAfter(asOf)) {
            why[Feature.ACCOUNT_AGE.ordinal()] = "opened " + opened + ", after " + asOf;
        } else {
            values[Feature.ACCOUNT_AGE.ordinal()] = ChronoUnit.DAYS.between(opened, asOf) / 365.25;
        }

        Double growthRate = consumption(customer, asOf, values, why);

        String industry = profile == null ? null : profile.industry();
        if (industry == null || industry.isBlank()) {
            why[Feature.PROSPERITY.ordinal()] = "industry code not given";
            why[Feature.DIRECT_PURCHASE.ordinal()] = why[Feature.PROSPERITY.ordinal()];
        } else {
            industries.lookup(industry).ifPresentOrElse(entry -> {
                values[Feature.PROSPERITY.ordinal()] = entry.prosperity();
                values[Feature.DIRECT_PURCHASE.ordinal()] = entry.directPurchase();
            }, () -> {
                why[Feature.PROSPERITY.ordinal()] = "industry " + industry.trim() + " not in the industry table";
                why[Feature.DIRECT_PURCHASE.ordinal()] = why[Feature.PROSPERITY.ordinal()];
            });
        }

        credit(customer, asOf, values, why);
        return new EnterpriseFeatures(values, why, growthRate);
    }

    /** Level and growth; returns the plain growth rate for reasons. */
    private static Double consumption(CustomerSnapshot customer, LocalDate asOf, double[] values, String[] why) {
        int asOfMonth = monthIndex(YearMonth.from(asOf));
        // one slot per month of the window: a source that sends a month twice counts it once, the last
        double[] kwh = new double[MONTHS];
        boolean[] metered = new boolean[MONTHS];
        for (MonthlyConsumption month : customer.consumption()) {
            if (month.month() == null) {
                continue;
            }
            int age = asOfMonth - monthIndex(month.month());
            Double total = month.totalKwh();
            if (age >= 0 && age < MONTHS && total != null) {
                kwh[age] = total;
                metered[age] = true;
            }
        }
        int count = 0;
        double sum = 0;
        int laterCount = 0;
        double later = 0;
        int earlierCount = 0;
        double earlier = 0;
        for (int age = 0; age < MONTHS; age++) {
            if (!metered[age]) {
                continue;
            }
            count++;
            sum += kwh[age];
            if (age < HALF) {
                laterCount++;
                later += kwh[age];
            } else {
                earlierCount++;
                earlier += kwh[age];
            }
        }
        if (count < MIN_METERED_MONTHS) {
            why[Feature.CONSUMPTION_LEVEL.ordinal()] = count + " of the 12 months to " + asOf + " metered, "
                    + MIN_METERED_MONTHS + " needed";
        } else {
            values[Feature.CONSUMPTION_LEVEL.ordinal()] = Math.log10(1 + Math.max(0, MONTHS * sum / count));
        }
        if (laterCount < MIN_METERED_HALF || earlierCount < MIN_METERED_HALF) {
            why[Feature.GROWTH.ordinal()] = laterCount + " of the latest 6 and " + earlierCount
                    + " of the 6 months before them metered, " + MIN_METERED_HALF + " of each needed";
            return null;
        }
        double laterMean = Math.max(0, later / laterCount);
        double earlierMean = Math.max(0, earlier / earlierCount);
        if (laterMean + earlierMean <= 0) {
            why[Feature.GROWTH.ordinal()] = "no consumption in the 12 months to " + asOf;
            return null;
        }
        values[Feature.GROWTH.ordinal()] = (laterMean - earlierMean) / (laterMean + earlierMean);
        return earlierMean > 0 ? laterMean / earlierMean - 1 : null;
    }

    private static void credit(CustomerSnapshot customer, LocalDate asOf, double[] values, String[] why) {
        int asOfMonth = monthIndex(YearMonth.from(asOf));
        int due = 0;
        int late = 0;
        int arrears = 0;
        for (Bill bill : customer.bills()) {
            if (bill.period() == null || bill.due() == null) {
                continue;
            }
            int age = asOfMonth - monthIndex(bill.period());
            if (age < 0 || age >= MONTHS || bill.due().isAfter(asOf)) {
                continue;
            }
            LocalDate paid = bill.paid();
            boolean paidByAsOf = paid != null && !paid.isAfter(asOf);
            if (paid == null && bill.outstanding() != null && bill.outstanding().signum() <= 0) {
                // settled, but the source does not say when: on time as far as anyone can tell
                due++;
                continue;
            }
            due++;
            LocalDate end = paidByAsOf ? paid : asOf;
            if (ChronoUnit.DAYS.between(bill.due(), end) > GRACE_DAYS) {
                late++;
            }
            if (!paidByAsOf && bill.due().isBefore(asOf)) {
                arrears++;
            }
        }
        if (due == 0) {
            why[Feature.CREDIT.ordinal()] = "no bill of the 12 months to " + asOf + " due by then";
            return;
        }
        LocalDate feedSince = asOf.minusMonths(CREDIT_FEED_MONTHS);
        int feedPoints = 0;
        for (CreditRecord record : customer.credit()) {
            if (record.reported() == null || record.reported().isAfter(asOf) || !record.reported().isAfter(feedSince)) {
                continue;
            }
            if ("default".equals(record.status())) {
                feedPoints += POINTS_PER_DEFAULT;
            } else if ("overdue".equals(record.status())) {
                feedPoints += POINTS_PER_OVERDUE;
            }
        }
        double score = 100 - (double) LATE_SHARE_POINTS * late / due
                - Math.min(ARREARS_MAX_POINTS, POINTS_PER_ARREARS_MONTH * arrears)
                - Math.min(FEED_MAX_POINTS, feedPoints);
        values[Feature.CREDIT.ordinal()] = Math.max(0, score);
    }

    private static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }
}
