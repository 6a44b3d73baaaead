package org.smarthall.api.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Who a customer is.
 *
 * @param account            account number (户号), the customer key
 * @param kind               resident, prepaid resident, enterprise or government
 * @param name               customer or organisation name
 * @param maskedIdNumber     ID number masked for display, e.g. {@code 3701**********123X}; the number itself is never stored
 * @param maskedPhone        phone masked for display, e.g. {@code 138****5678}
 * @param address            supply address
 * @param region             6-digit administrative division code
 * @param supplyUnit         power-supply unit that serves the account
 * @param industry           industry code (GB/T 4754) for enterprises and government bodies
 * @param contractCapacityKva contracted capacity in kVA
 * @param opened             account opening date
 * @param sensitive          flags that tell staff to take care ({@code official}, {@code disabled}, ...)
 * @param missing            fields the source left empty: missing, never filled in
 */
public record CustomerProfile(String account, CustomerKind kind, String name, String maskedIdNumber,
        String maskedPhone, String address, String region, String supplyUnit, String industry,
        Double contractCapacityKva, LocalDate opened, Set<String> sensitive, List<String> missing) {
    public CustomerProfile {
        sensitive = sensitive == null ? Set.of() : Set.copyOf(sensitive);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
