package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A customer's histories summed up for the 360 view, over the 12 months before {@code asOf}.
 * Sums over missing values count only what is present; {@code null} means there was nothing
 * to sum.
 */
public record CustomerSummary(LocalDate asOf, Consumption consumption, Billing billing, Prepaid prepaid,
        Service service, List<Consent> consents, Visits visits) {

    /** @param months months with a reading; {@code missingMonths} of those had no kWh at all */
    public record Consumption(int months, int missingMonths, Double totalKwh, Double peakShare, Double valleyShare,
            BigDecimal amount) {
    }

    /** @param paymentsByChannel payments in the period per channel code */
    public record Billing(int bills, int unpaidBills, BigDecimal arrears, long maxLateDays,
            Map<String, Integer> paymentsByChannel) {
    }

    /** For prepaid customers; {@code null} for the others. */
    public record Prepaid(BigDecimal lastBalance, Instant lastReading, int trips, int recharges, int failedRecharges) {
    }

    /** @param workOrdersByKind work orders in the period per kind */
    public record Service(Map<String, Integer> workOrdersByKind, int openWorkOrders, Double meanRating, int ratings) {
    }

    public record Visits(int count, Instant last) {
    }
}
