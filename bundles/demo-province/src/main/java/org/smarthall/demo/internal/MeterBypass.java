package org.smarthall.demo.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.smarthall.api.customer.CustomerKind;

/**
 * Meters that stop telling the truth near the end of the data: what the consumption theme's
 * violation dimension looks for ("suspected" when the last 3 months are each below 40% of the
 * median of the earlier ones, or the last 6 months each at or below contract kVA x 1 h).
 * <ul>
 * <li>A <b>sustained drop</b> (a meter bypass carrying most of the load): about 1% of residents
 * and enterprises. The last 3 or 4 months show 10-35% of the customer's usual use for the
 * month, and never more than 35% of the median of the months before, so the theme finds every
 * one of them.
 * <li>A <b>near-zero run</b> (the whole load bypassed, or a meter that stopped): about 0.3%. Each
 * of the last 6 months shows 0-5 kWh for a resident (at most the contracted kVA x 1 h), and at
 * most 90% of kVA x 1 h for an enterprise.
 * </ul>
 * "The last months" end with the last complete month of the data, as the theme counts them (a
 * month cut at {@code until} is affected too). Prepaid customers are left out: their meters'
 * purchases, trips and failed purchases (which draw failed-purchase tickets across customers)
 * follow their consumption. So the residents' shares are drawn among the post-paid residents,
 * about 3.3% and 1% of them, to make 1% and 0.3% of all residents. Government bodies are left
 * out too.
 * <p>
 * Who is affected and how is drawn from the customer's own stream {@link Seeds#BYPASS}, and the
 * customer's main stream draws the same numbers either way: only the consumption of the affected
 * customers changes, with their bills and payments (whose amounts follow it); every other row
 * of the province stays as it was, byte for byte.
 */
final class MeterBypass {
    /** Share of residents and of enterprises with a sustained drop. */
    static final double DROP_SHARE = 0.01;
    /** Share of residents and of enterprises with a near-zero run. */
    static final double NEAR_ZERO_SHARE = 0.003;
    /** Lowest and highest share of the usual use a month of a drop shows. */
    static final double DROP_LOW = 0.10;
    static final double DROP_HIGH = 0.35;
    /** The consumption theme's defaults: months of a drop it compares, and months of a near-zero run. */
    static final int THEME_DROP_MONTHS = 3;
    static final int NEAR_ZERO_MONTHS = 6;
    /** Most a resident's meter shows in a month of a near-zero run, in kWh. */
    static final int RESIDENT_NEAR_ZERO_KWH = 5;
    /** Most an enterprise's meter shows in a month of a near-zero run, as a share of kVA x 1 h. */
    static final double ENTERPRISE_NEAR_ZERO_LOAD = 0.9;

    private final long seed;
    /** The last complete month of the data: the theme's last month. */
    private final int lastMonth;
    /** Post-paid residents' chance to get what 1 resident in 100 (or 1,000) gets. */
    private final double residentScale;

    MeterBypass(long seed, Period period, Composition composition) {
        this.seed = seed;
        LocalDate until = period.until();
        this.lastMonth = until.getDayOfMonth() == until.lengthOfMonth() ? Period.MONTHS - 1 : Period.MONTHS - 2;
        this.residentScale = composition.postpaid() == 0 ? 0 : (double) composition.residents() / composition.postpaid();
    }

    /** What happens to the meter of customer {@code index}; {@code null} when it keeps counting. */
    Plan plan(int index, CustomerKind kind, Integer kva) {
        double scale = switch (kind) {
            case RESIDENT -> residentScale;
            case ENTERPRISE -> 1;
            case PREPAID_RESIDENT, GOVERNMENT -> 0;
        };
        if (scale == 0) {
            return null;
        }
        SplittableRandom r = Seeds.random(seed, Seeds.BYPASS, index);
        double u = r.nextDouble();
        if (u < NEAR_ZERO_SHARE * scale) {
            int most = kind == CustomerKind.ENTERPRISE
                    ? (int) Math.floor(ENTERPRISE_NEAR_ZERO_LOAD * (kva == null ? RESIDENT_NEAR_ZERO_KWH : kva))
                    : Math.min(RESIDENT_NEAR_ZERO_KWH, kva == null ? RESIDENT_NEAR_ZERO_KWH : kva);
            return new Plan(r, lastMonth - NEAR_ZERO_MONTHS + 1, true, most, 0);
        }
        if (u < (NEAR_ZERO_SHARE + DROP_SHARE) * scale) {
            int months = Draw.chance(r, 0.5) ? THEME_DROP_MONTHS : THEME_DROP_MONTHS + 1;
            // the customer's level, 15-30%; each month varies around it by 15%, within 10-35%
            double level = 0.15 + 0.15 * r.nextDouble();
            return new Plan(r, lastMonth - months + 1, false, 0, level);
        }
        return null;
    }

    /** One customer's meter from month {@link #from()} on. */
    final class Plan {
        private final SplittableRandom r;
        private final int from;
        private final boolean nearZero;
        private final int most;
        private final double level;
        private double cap = Double.NaN;

        private Plan(SplittableRandom r, int from, boolean nearZero, int most, double level) {
            this.r = r;
            this.from = Math.max(0, from);
            this.nearZero = nearZero;
            this.most = most;
            this.level = level;
        }

        /** First month affected; every month after it is affected too. */
        int from() {
            return from;
        }

        boolean nearZero() {
            return nearZero;
        }

        /**
         * The kWh the meter shows in month {@code m} (at least {@link #from()}), asked month by
         * month in order.
         *
         * @param usual   what it would have shown
         * @param metered what the file shows for the months before, as the theme adds it up (the
         *                periods given)
         */
        long total(int m, long usual, long[] metered) {
            if (nearZero) {
                return Math.min(usual, Draw.between(r, 0, most));
            }
            if (Double.isNaN(cap)) {
                cap = DROP_HIGH * baseline(metered);
            }
            double share = Math.max(DROP_LOW, Math.min(DROP_HIGH, level * (0.85 + 0.30 * r.nextDouble())));
            return Math.max(0, Math.min((long) Math.floor(cap), Math.round(usual * share)));
        }

        /**
         * The median the theme will measure the drop against, or a little less: the months before
         * the drop, with the months of a longer drop that fall among the theme's earlier months
         * counted as nothing (they are lower than any month before, so at most this low).
         */
        private double baseline(long[] metered) {
            int dropMonthsBefore = Math.max(0, lastMonth - THEME_DROP_MONTHS - from + 1);
            double[] values = new double[from + dropMonthsBefore];
            for (int i = 0; i < from; i++) {
                values[i] = metered[i];
            }
            Arrays.sort(values);
            int n = values.length;
            if (n == 0) {
                return 0;
            }
            return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }
    }
}
