package org.smarthall.tag.feerisk.internal;

import java.math.BigDecimal;
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
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;

/**
 * Hand-made customer histories. Bills are issued like the demo province's: month {@code m} is due
 * on the 15th of month {@code m + 1}. Times are China Standard Time.
 */
final class Customers {
    /** The tagging date of the tests: the demo's "last day of the previous month". */
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    private final CustomerKind kind;
    private final List<Bill> bills = new ArrayList<>();
    private final List<Trip> trips = new ArrayList<>();
    private final List<Recharge> recharges = new ArrayList<>();
    private final List<MonthlyConsumption> consumption = new ArrayList<>();

    private Customers(CustomerKind kind) {
        this.kind = kind;
    }

    static Customers resident() {
        return new Customers(CustomerKind.RESIDENT);
    }

    static Customers prepaid() {
        return new Customers(CustomerKind.PREPAID_RESIDENT);
    }

    static Customers of(CustomerKind kind) {
        return new Customers(kind);
    }

    static LocalDate due(String month) {
        return YearMonth.parse(month).plusMonths(1).atDay(15);
    }

    /** A bill settled in full {@code daysLate} days after its due date (negative: before). */
    Customers paid(String month, String amount, int daysLate) {
        LocalDate due = due(month);
        return bill(new Bill(YearMonth.parse(month), new BigDecimal(amount), due, due.plusDays(daysLate), BigDecimal.ZERO));
    }

    /** Bills of every month from {@code first} to {@code last}, all of {@code amount}, paid 3 days early. */
    Customers onTime(String first, String last, String amount) {
        for (YearMonth m = YearMonth.parse(first); !m.isAfter(YearMonth.parse(last)); m = m.plusMonths(1)) {
            paid(m.toString(), amount, -3);
        }
        return this;
    }

    /** A bill not paid at all: the whole amount outstanding. */
    Customers unpaid(String month, String amount) {
        return bill(new Bill(YearMonth.parse(month), new BigDecimal(amount), due(month), null, new BigDecimal(amount)));
    }

    /** A bill partly paid: {@code outstanding} of it still owed. */
    Customers partlyPaid(String month, String amount, String outstanding) {
        return bill(new Bill(YearMonth.parse(month), new BigDecimal(amount), due(month), null, new BigDecimal(outstanding)));
    }

    Customers bill(Bill bill) {
        bills.add(bill);
        return this;
    }

    /** A meter trip at {@code yyyy-MM-ddTHH:mm} local time. */
    Customers trip(String at) {
        trips.add(new Trip(LocalDateTime.parse(at).atZone(Codes.TIME_ZONE).toInstant(), new BigDecimal("9.50")));
        return this;
    }

    Customers recharge(String at, boolean success) {
        recharges.add(new Recharge(LocalDateTime.parse(at).atZone(Codes.TIME_ZONE).toInstant(), new BigDecimal("50"),
                "wechat", success, success ? null : "支付超时"));
        return this;
    }

    /** {@code count} successful recharges, one on the 3rd of each month back from October 2026. */
    Customers recharges(int count) {
        for (int i = 0; i < count; i++) {
            recharge(YearMonth.of(2026, 10).minusMonths(i).atDay(3) + "T10:00", true);
        }
        return this;
    }

    Customers consumption(String month, Double kwh) {
        consumption.add(new MonthlyConsumption(YearMonth.parse(month), kwh, null, null, null));
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile("3700000001", kind, "测试客户", null, null, null, "370102", null,
                null, null, null, null, null);
        return new CustomerSnapshot(profile, consumption, bills, List.of(), recharges, trips, List.of(), List.of(),
                List.of(), List.of());
    }
}
