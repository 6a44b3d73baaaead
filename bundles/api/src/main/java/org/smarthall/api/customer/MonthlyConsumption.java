package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Metered consumption of one month, split by tariff period; {@code null} where not metered. */
public record MonthlyConsumption(YearMonth month, Double peakKwh, Double flatKwh, Double valleyKwh,
        BigDecimal amount) {

    /** Sum of the periods present, or {@code null} when none is. */
    public Double totalKwh() {
        if (peakKwh == null && flatKwh == null && valleyKwh == null) {
            return null;
        }
        return (peakKwh == null ? 0 : peakKwh) + (flatKwh == null ? 0 : flatKwh) + (valleyKwh == null ? 0 : valleyKwh);
    }
}
