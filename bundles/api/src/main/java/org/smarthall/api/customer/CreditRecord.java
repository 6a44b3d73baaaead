package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One record of the third-party credit feed (dataset {@code credit_records}): what a bank, a
 * payment platform, a property registry or another utility reports about the customer.
 *
 * @param source      who reported it, from {@link Codes#CREDIT_SOURCES}
 * @param kind        what it is about, from {@link Codes#CREDIT_KINDS}
 * @param reported    date of the report
 * @param status      from {@link Codes#CREDIT_STATUSES}: {@code normal}, {@code overdue}, {@code default}, {@code closed}
 * @param amount      amount concerned (loan balance, property value, bill), {@code null} when not given
 * @param overdueDays days overdue for an {@code overdue} or {@code default} record, {@code null} when not given
 */
public record CreditRecord(String source, String kind, LocalDate reported, String status, BigDecimal amount,
        Integer overdueDays) {
}
