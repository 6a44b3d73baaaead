package org.smarthall.tag.consumption.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;

/**
 * Builds hand-made customers. The usual tagging date is {@link #AS_OF}, 2026-06-30: the window is
 * 2025-07 to 2026-06. Monthly totals are split into peak, flat and valley by whole kWh (30% and 25%
 * unless {@link #shares} says otherwise) and billed at 0.50 yuan per kWh unless told otherwise.
 */
final class Customers {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final YearMonth FIRST = YearMonth.of(2025, 7);
    /** Marks a month of {@link #totals} that has a row with none of the three periods read. */
    static final double MISSING = Double.NaN;

    private final CustomerKind kind;
    private Double kva;
    private LocalDate opened = LocalDate.of(2010, 3, 1);
    private String industry;
    private double peakPercent = 30;
    private double valleyPercent = 25;
    private double yuanPerKwh = 0.5;
    private BigDecimal monthlyAmount;
    private final List<MonthlyConsumption> months = new ArrayList<>();

    private Customers(CustomerKind kind) {
        this.kind = kind;
    }

    static Customers resident() {
        return new Customers(CustomerKind.RESIDENT);
    }

    static Customers prepaid() {
        return new Customers(CustomerKind.PREPAID_RESIDENT);
    }

    static Customers enterprise(Double kva) {
        return new Customers(CustomerKind.ENTERPRISE).kva(kva).industry("C26");
    }

    static Customers government() {
        return new Customers(CustomerKind.GOVERNMENT).industry("S92");
    }

    static Customers ofKind(CustomerKind kind) {
        return new Customers(kind);
    }

    Customers kva(Double value) {
        this.kva = value;
        return this;
    }

    Customers opened(LocalDate value) {
        this.opened = value;
        return this;
    }

    Customers industry(String value) {
        this.industry = value;
        return this;
    }

    /** Peak and valley shares of the months added after this call. */
    Customers shares(double peak, double valley) {
        this.peakPercent = peak;
        this.valleyPercent = valley;
        return this;
    }

    Customers tariff(double value) {
        this.yuanPerKwh = value;
        return this;
    }

    /** The same amount billed in every month added after this call, whatever the kWh. */
    Customers monthlyAmount(String yuan) {
        this.monthlyAmount = yuan == null ? null : new BigDecimal(yuan);
        return this;
    }

    /** The 12 months of the window, oldest first; {@link #MISSING} gives a row with nothing read. */
    Customers totals(double... kwh) {
        if (kwh.length != 12) {
            throw new IllegalArgumentException("12 months, not " + kwh.length);
        }
        for (int i = 0; i < kwh.length; i++) {
            month(FIRST.plusMonths(i), kwh[i]);
        }
        return this;
    }

    /** Every month of the window at the same total. */
    Customers year(double kwh) {
        double[] all = new double[12];
        java.util.Arrays.fill(all, kwh);
        return totals(all);
    }

    /** Nine earlier months at one total and the last three as given. */
    Customers lastThree(double earlier, double m4, double m5, double m6) {
        return totals(earlier, earlier, earlier, earlier, earlier, earlier, earlier, earlier, earlier, m4, m5, m6);
    }

    Customers month(YearMonth month, double total) {
        if (Double.isNaN(total)) {
            return month(month, null, null, null, null);
        }
        double peak = Math.round(total * peakPercent / 100);
        double valley = Math.round(total * valleyPercent / 100);
        BigDecimal amount = monthlyAmount != null ? monthlyAmount
                : BigDecimal.valueOf(Math.round(total * yuanPerKwh * 100), 2);
        return month(month, peak, total - peak - valley, valley, amount);
    }

    Customers month(YearMonth month, Double peak, Double flat, Double valley, BigDecimal amount) {
        months.add(new MonthlyConsumption(month, peak, flat, valley, amount));
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile("3700000001", kind, "Test customer", null, null, null, "370102",
                "Jinan", industry, kva, opened, null, null);
        return new CustomerSnapshot(profile, months, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }
}
