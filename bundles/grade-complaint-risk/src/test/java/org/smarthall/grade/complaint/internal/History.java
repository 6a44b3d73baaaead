package org.smarthall.grade.complaint.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.Rating;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.customer.WorkOrderKind;

/** A customer's history made by hand or by {@link Synthetic}. Times are China Standard Time. */
final class History {
    /** The grading date of the tests: the cuts are 2026-01-01 (train) and 2026-04-01 (test). */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final String account;
    private final CustomerKind kind;
    private LocalDate opened = LocalDate.of(2015, 3, 1);
    private final List<WorkOrder> orders = new ArrayList<>();
    private final List<Rating> ratings = new ArrayList<>();
    private final List<Bill> bills = new ArrayList<>();
    private final List<Trip> trips = new ArrayList<>();
    private final List<Recharge> recharges = new ArrayList<>();

    History(String account, CustomerKind kind) {
        this.account = account;
        this.kind = kind;
    }

    static History resident() {
        return new History("3700000001", CustomerKind.RESIDENT);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Codes.TIME_ZONE).toInstant();
    }

    History opened(LocalDate opened) {
        this.opened = opened;
        return this;
    }

    /** A work order, resolved ({@code resolved} null: not yet) with a satisfaction score (or null). */
    History order(WorkOrderKind kind, Instant opened, Instant resolved, Integer satisfaction) {
        orders.add(new WorkOrder("WO" + account + "-" + orders.size(), "95598", kind, opened, resolved,
                resolved == null ? null : "已办结", satisfaction));
        return this;
    }

    History order(WorkOrderKind kind, String opened) {
        Instant at = at(opened);
        return order(kind, at, at.plusSeconds(86_400), null);
    }

    History rating(Instant at, int score) {
        ratings.add(new Rating(at, "keypad", score));
        return this;
    }

    History bill(String month, String amount, LocalDate paid, String outstanding) {
        bills.add(new Bill(YearMonth.parse(month), new BigDecimal(amount), YearMonth.parse(month).plusMonths(1).atDay(15),
                paid, outstanding == null ? null : new BigDecimal(outstanding)));
        return this;
    }

    History trip(Instant at) {
        trips.add(new Trip(at, new BigDecimal("9.50")));
        return this;
    }

    History recharge(Instant at, boolean success) {
        recharges.add(new Recharge(at, new BigDecimal("50"), "wechat", success, success ? null : "支付超时"));
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile(account, kind, "测试客户", null, null, null, "370102", null, null,
                null, opened, null, null);
        return new CustomerSnapshot(profile, List.of(), bills, List.of(), recharges, trips, orders, ratings, List.of(),
                List.of());
    }
}
