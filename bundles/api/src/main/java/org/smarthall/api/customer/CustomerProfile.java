package org.smarthall.api.customer;

import java.time.LocalDate;

/**
 * Who a customer is.
 *
 * @param account            account number (户号), the customer key
 * @param kind               resident, prepaid resident, enterprise or government
 * @param name               customer or organisation name
 * @param maskedIdNumber     ID number masked for display, e.g. {@code 3701**********123X}
 * @param maskedPhone        phone masked for display, e.g. {@code 138****5678}
 * @param address            supply address
 * @param region             administrative region code or name
 * @param supplyUnit         power-supply unit that serves the account
 * @param industry           industry code for enterprises and government bodies
 * @param contractCapacityKva contracted capacity in kVA
 * @param opened             account opening date
 */
public record CustomerProfile(String account, CustomerKind kind, String name, String maskedIdNumber,
        String maskedPhone, String address, String region, String supplyUnit, String industry,
        Double contractCapacityKva, LocalDate opened) {
}
