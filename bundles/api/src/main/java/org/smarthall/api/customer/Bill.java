package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A bill and how it was settled.
 *
 * @param period   billing month
 * @param amount   amount billed
 * @param due      due date
 * @param paid     date settled in full, {@code null} while unpaid
 * @param outstanding amount still owed (arrears)
 */
public record Bill(YearMonth period, BigDecimal amount, LocalDate due, LocalDate paid, BigDecimal outstanding) {

    /** Days paid after the due date (0 when on time); for an unpaid bill, days overdue as of {@code asOf}. */
    public long lateDays(LocalDate asOf) {
        LocalDate end = paid != null ? paid : asOf;
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, end));
    }
}
