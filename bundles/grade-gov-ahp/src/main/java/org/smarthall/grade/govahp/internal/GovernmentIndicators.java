package org.smarthall.grade.govahp.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.customer.WorkOrderKind;

/**
 * Reads the raw indicators of a government customer as of a date (see {@link GovAhpModel} for
 * what each one stands for). The window is the 12 complete months up to the date: the month of
 * {@code asOf} when it is the month's last day, else the month before (as the consumption tag
 * theme counts), and for complaints the instants of those months, China Standard Time.
 *
 * <p>Immutable and thread-safe.
 */
final class GovernmentIndicators {
    private final IndicatorRules rules;
    private final YearMonth first;
    private final YearMonth last;
    private final Instant since;
    private final Instant until;

    GovernmentIndicators(IndicatorRules rules, LocalDate asOf) {
        this.rules = rules;
        YearMonth end = YearMonth.from(asOf);
        if (asOf.getDayOfMonth() != asOf.lengthOfMonth()) {
            end = end.minusMonths(1);
        }
        last = end;
        first = end.minusMonths(IndicatorRules.MONTHS - 1);
        since = first.atDay(1).atStartOfDay(Codes.TIME_ZONE).toInstant();
        until = last.plusMonths(1).atDay(1).atStartOfDay(Codes.TIME_ZONE).toInstant();
    }

    /** {@code 2025-11 to 2026-10}: the months the indicators are read over. */
    String window() {
        return first + " to " + last;
    }

    Reading read(Criterion criterion, CustomerSnapshot customer) {
        return switch (criterion) {
            case SOCIAL_INFLUENCE -> socialInfluence(customer.profile());
            case SUPPLY_DEPENDENCY -> supplyDependency(customer.profile());
            case SENSITIVITY -> sensitivity(customer);
            case CONSUMPTION -> consumption(customer.consumption());
        };
    }

    /** Industry level of the longest matching prefix, plus the capital points in a capital region. */
    Reading socialInfluence(CustomerProfile p) {
        String industry = code(p.industry());
        if (industry == null) {
            return Reading.missing("no industry code");
        }
        String region = code(p.region());
        if (region == null) {
            return Reading.missing("no region code");
        }
        int level = rules.industryLevel(industry);
        StringBuilder detail = new StringBuilder(industry).append(' ').append(level);
        if (rules.industryLevelPrefix(industry) == null) {
            detail.append(" (other industry)");
        }
        if (rules.inCapital(region) && rules.capitalPoints() > 0) {
            detail.append(" + capital ").append(rules.capitalPoints());
            level += rules.capitalPoints();
        }
        return Reading.of(level, detail.toString());
    }

    /** Contracted capacity; a critical industry raises the normalised value to the critical floor. */
    Reading supplyDependency(CustomerProfile p) {
        Double kva = p.contractCapacityKva();
        if (kva == null) {
            return Reading.missing("no contracted capacity");
        }
        if (!(kva > 0) || kva.isInfinite()) {
            return Reading.missing("contracted capacity of " + GovAhpRules.number(kva) + " kVA");
        }
        Reading r = Reading.of(kva, GovAhpRules.number(kva) + " kVA");
        String industry = code(p.industry());
        if (industry != null && rules.criticalPrefix(industry) != null && rules.criticalFloor() > 0) {
            r = r.atLeast(rules.criticalFloor(), industry + " critical, at least " + rules.criticalFloor());
        }
        return r;
    }

    /** Points of the sensitive flags plus points per complaint in the window, capped. Never missing: no flag is no flag. */
    Reading sensitivity(CustomerSnapshot customer) {
        List<String> parts = new ArrayList<>();
        int points = 0;
        for (Map.Entry<String, Integer> flag : rules.sensitiveFlagPoints().entrySet()) {
            if (customer.profile().sensitive().contains(flag.getKey())) {
                points += flag.getValue();
                parts.add(flag.getKey() + " " + flag.getValue());
            }
        }
        int complaints = 0;
        for (WorkOrder order : customer.workOrders()) {
            if (order.kind() == WorkOrderKind.COMPLAINT && order.opened() != null && !order.opened().isBefore(since)
                    && order.opened().isBefore(until)) {
                complaints++;
            }
        }
        if (complaints > 0) {
            int complaintPoints = Math.min(rules.complaintsMaxPoints(), complaints * rules.pointsPerComplaint());
            points += complaintPoints;
            parts.add(complaints + (complaints == 1 ? " complaint " : " complaints ") + complaintPoints);
        }
        return Reading.of(points, parts.isEmpty() ? "no flag, no complaint" : String.join(" + ", parts));
    }

    /** kWh of the metered months of the window, scaled to 12 months when some were not metered. */
    Reading consumption(List<MonthlyConsumption> months) {
        double[] kwh = new double[IndicatorRules.MONTHS];
        Arrays.fill(kwh, Double.NaN);
        for (MonthlyConsumption m : months) {
            if (m == null || m.month() == null) {
                continue;
            }
            long i = ChronoUnit.MONTHS.between(first, m.month());
            Double total = m.totalKwh();
            if (i >= 0 && i < IndicatorRules.MONTHS && total != null) {
                kwh[(int) i] = total;
            }
        }
        int metered = 0;
        double sum = 0;
        for (double x : kwh) {
            if (!Double.isNaN(x)) {
                metered++;
                sum += x;
            }
        }
        if (metered < rules.minMeteredMonths()) {
            return Reading.missing(metered + " of the 12 months " + window() + " metered, "
                    + rules.minMeteredMonths() + " needed");
        }
        if (metered == IndicatorRules.MONTHS) {
            return Reading.of(sum, Math.round(sum) + " kWh");
        }
        double annual = sum * IndicatorRules.MONTHS / metered;
        return Reading.of(annual, Math.round(annual) + " kWh a year from " + metered + " metered months");
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
