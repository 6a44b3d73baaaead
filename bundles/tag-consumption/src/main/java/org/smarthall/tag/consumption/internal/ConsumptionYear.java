package org.smarthall.tag.consumption.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.smarthall.api.customer.MonthlyConsumption;

/**
 * One customer's readings for the 12 complete months up to a date, in arrays indexed by month
 * (0 the oldest). {@code NaN} marks what was not metered: a month with none of the three periods
 * read is missing, not zero.
 * <p>
 * The last month is the month of {@code asOf} when {@code asOf} is its last day, else the month
 * before: a month still running would look like a drop.
 */
final class ConsumptionYear {
    static final int MONTHS = SeasonalIndex.MONTHS;

    private final YearMonth first;
    private final YearMonth last;
    private final double[] peak = new double[MONTHS];
    private final double[] flat = new double[MONTHS];
    private final double[] valley = new double[MONTHS];
    private final double[] total = new double[MONTHS];
    private final double[] amount = new double[MONTHS];
    private final int metered;
    private final int complete;
    private final int billed;

    ConsumptionYear(List<MonthlyConsumption> months, LocalDate asOf) {
        YearMonth last = YearMonth.from(asOf);
        if (asOf.getDayOfMonth() != asOf.lengthOfMonth()) {
            last = last.minusMonths(1);
        }
        this.last = last;
        first = last.minusMonths(MONTHS - 1);
        Arrays.fill(peak, Double.NaN);
        Arrays.fill(flat, Double.NaN);
        Arrays.fill(valley, Double.NaN);
        Arrays.fill(total, Double.NaN);
        Arrays.fill(amount, Double.NaN);
        long firstIndex = index(first);
        for (MonthlyConsumption m : months) {
            if (m == null || m.month() == null) {
                continue;
            }
            long i = index(m.month()) - firstIndex;
            if (i < 0 || i >= MONTHS) {
                continue;
            }
            int at = (int) i;
            peak[at] = orNaN(m.peakKwh());
            flat[at] = orNaN(m.flatKwh());
            valley[at] = orNaN(m.valleyKwh());
            Double sum = m.totalKwh();
            total[at] = orNaN(sum);
            amount[at] = m.amount() == null ? Double.NaN : m.amount().doubleValue();
        }
        int meteredMonths = 0;
        int completeMonths = 0;
        int billedMonths = 0;
        for (int i = 0; i < MONTHS; i++) {
            if (metered(i)) {
                meteredMonths++;
            }
            if (complete(i)) {
                completeMonths++;
            }
            if (!Double.isNaN(amount[i])) {
                billedMonths++;
            }
        }
        this.metered = meteredMonths;
        this.complete = completeMonths;
        this.billed = billedMonths;
    }

    private static long index(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    YearMonth month(int i) {
        return first.plusMonths(i);
    }

    YearMonth first() {
        return first;
    }

    YearMonth last() {
        return last;
    }

    /** At least one period read. */
    boolean metered(int i) {
        return !Double.isNaN(total[i]);
    }

    /** All three periods read. */
    boolean complete(int i) {
        return !Double.isNaN(peak[i]) && !Double.isNaN(flat[i]) && !Double.isNaN(valley[i]);
    }

    /** Sum of the periods read; {@code NaN} when not metered. */
    double total(int i) {
        return total[i];
    }

    double peak(int i) {
        return peak[i];
    }

    double valley(int i) {
        return valley[i];
    }

    /** Amount billed in yuan; {@code NaN} when missing. */
    double amount(int i) {
        return amount[i];
    }

    /** Months with at least one period read. */
    int metered() {
        return metered;
    }

    /** Months with all three periods read. */
    int complete() {
        return complete;
    }

    /** Months with an amount. */
    int billed() {
        return billed;
    }

    /** Sum of the metered months' totals. */
    double meteredKwh() {
        double sum = 0;
        for (int i = 0; i < MONTHS; i++) {
            if (metered(i)) {
                sum += total[i];
            }
        }
        return sum;
    }

    /** Sum of the amounts present. */
    double billedYuan() {
        double sum = 0;
        for (int i = 0; i < MONTHS; i++) {
            if (!Double.isNaN(amount[i])) {
                sum += amount[i];
            }
        }
        return sum;
    }

    /** The first month from {@code from} to the end that is not metered, or -1. */
    int firstGap(int from) {
        for (int i = from; i < MONTHS; i++) {
            if (!metered(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Median of the first {@code n} values; sorts them in place. */
    static double median(double[] values, int n) {
        for (int i = 1; i < n; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
