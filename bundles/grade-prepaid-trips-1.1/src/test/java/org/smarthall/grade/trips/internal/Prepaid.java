package org.smarthall.grade.trips.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;

/** Hand-made prepaid histories. Times are China Standard Time. */
final class Prepaid {
    /** The grading date of the tests. */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final CustomerKind kind;
    private String account = "3700000001";
    private final List<Trip> trips = new ArrayList<>();
    private final List<Recharge> recharges = new ArrayList<>();
    private final List<MonthlyConsumption> consumption = new ArrayList<>();

    private Prepaid(CustomerKind kind) {
        this.kind = kind;
    }

    static Prepaid customer() {
        return new Prepaid(CustomerKind.PREPAID_RESIDENT);
    }

    static Prepaid of(CustomerKind kind) {
        return new Prepaid(kind);
    }

    /** A prepaid customer with {@code count} trips on the 10th of each month from 2025-08, and recharges. */
    static Prepaid tripping(int count) {
        Prepaid p = customer().recharge("2026-06-03T10:00", true);
        for (int i = 0; i < count; i++) {
            p.trip(YearMonth.of(2025, 8).plusMonths(i % 11).atDay(10) + "T20:15");
        }
        return p;
    }

    Prepaid account(String account) {
        this.account = account;
        return this;
    }

    /** A meter trip at {@code yyyy-MM-ddTHH:mm} local time. */
    Prepaid trip(String at) {
        trips.add(new Trip(LocalDateTime.parse(at).atZone(Codes.TIME_ZONE).toInstant(), new BigDecimal("9.50")));
        return this;
    }

    Prepaid recharge(String at, boolean success) {
        recharges.add(new Recharge(LocalDateTime.parse(at).atZone(Codes.TIME_ZONE).toInstant(), new BigDecimal("50"),
                "wechat", success, success ? null : "支付超时"));
        return this;
    }

    Prepaid consumption(String month, Double kwh) {
        consumption.add(new MonthlyConsumption(YearMonth.parse(month), kwh, null, null, null));
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile(account, kind, "测试客户", null, null, null, "370102", null, null,
                null, null, null, null);
        return new CustomerSnapshot(profile, consumption, List.of(), List.of(), recharges, trips, List.of(), List.of(),
                List.of(), List.of());
    }
}
