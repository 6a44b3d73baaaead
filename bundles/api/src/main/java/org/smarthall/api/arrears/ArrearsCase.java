package org.smarthall.api.arrears;

import java.math.BigDecimal;

import org.smarthall.api.customer.CustomerKind;

/**
 * A customer in arrears asking for business.
 *
 * @param feeRisk           fee-risk tag value ({@code high}, {@code medium}, {@code low}, {@code unknown})
 * @param creditGrade       credit tag value, or {@code unknown}
 * @param requestedBusiness business type asked for at the counter, {@code null} for a sweep
 */
public record ArrearsCase(String account, CustomerKind kind, BigDecimal arrears, int overdueMonths, String feeRisk,
        String creditGrade, String requestedBusiness) {
}
