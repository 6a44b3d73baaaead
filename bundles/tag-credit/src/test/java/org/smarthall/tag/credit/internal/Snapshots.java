package org.smarthall.tag.credit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CreditRecord;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.Payment;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.Trip;

/** Hand-made customer histories for the tests: times are China Standard Time wall-clock times. */
final class Snapshots {
    static final String MASKED_ID = "3701**********123X";
    static final String MASKED_PHONE = "138****5678";

    private final CustomerKind kind;
    private LocalDate opened;
    private final List<Bill> bills = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Recharge> recharges = new ArrayList<>();
    private final List<Trip> trips = new ArrayList<>();
    private final List<CreditRecord> credit = new ArrayList<>();

    private Snapshots(CustomerKind kind) {
        this.kind = kind;
    }

    static Snapshots resident() {
        return new Snapshots(CustomerKind.RESIDENT);
    }

    static Snapshots prepaid() {
        return new Snapshots(CustomerKind.PREPAID_RESIDENT);
    }

    Snapshots opened(LocalDate day) {
        this.opened = day;
        return this;
    }

    /** A bill of {@code period}, due on the 15th of the next month. */
    Snapshots bill(YearMonth period, String amount, LocalDate paid, String outstanding) {
        LocalDate due = period.plusMonths(1).atDay(15);
        bills.add(new Bill(period, new BigDecimal(amount), due, paid,
                outstanding == null ? null : new BigDecimal(outstanding)));
        return this;
    }

    /** A bill due on {@code due} (of the month before). */
    Snapshots billDue(LocalDate due, String amount, LocalDate paid, String outstanding) {
        bills.add(new Bill(YearMonth.from(due).minusMonths(1), new BigDecimal(amount), due, paid,
                outstanding == null ? null : new BigDecimal(outstanding)));
        return this;
    }

    /** {@code months} bills from {@code first} on, each paid {@code daysLate} after its due date (0: on the due date). */
    Snapshots bills(YearMonth first, int months, String amount, int daysLate) {
        for (int i = 0; i < months; i++) {
            YearMonth period = first.plusMonths(i);
            bill(period, amount, period.plusMonths(1).atDay(15).plusDays(daysLate), "0");
        }
        return this;
    }

    /** A bill unpaid in full: nothing paid, everything outstanding. */
    Snapshots unpaid(YearMonth period, String amount) {
        return bill(period, amount, null, amount);
    }

    Snapshots payment(LocalDate day) {
        payments.add(new Payment(day, new BigDecimal("100.00"), "wechat"));
        return this;
    }

    Snapshots recharge(LocalDateTime at, boolean success) {
        recharges.add(new Recharge(at.atZone(Codes.TIME_ZONE).toInstant(), new BigDecimal("50.00"), "wechat", success,
                success ? null : "支付超时"));
        return this;
    }

    /** A successful recharge on the 1st of every month from {@code first} on. */
    Snapshots monthlyRecharges(YearMonth first, int months) {
        for (int i = 0; i < months; i++) {
            recharge(first.plusMonths(i).atDay(1).atTime(9, 0), true);
        }
        return this;
    }

    Snapshots trip(LocalDateTime at) {
        trips.add(new Trip(at.atZone(Codes.TIME_ZONE).toInstant(), new BigDecimal("9.50")));
        return this;
    }

    /** {@code count} trips on the 20th of consecutive months from {@code first} on. */
    Snapshots trips(YearMonth first, int count) {
        for (int i = 0; i < count; i++) {
            trip(first.plusMonths(i).atDay(20).atTime(18, 0));
        }
        return this;
    }

    Snapshots credit(String source, String kind, LocalDate reported, String status, Integer overdueDays) {
        credit.add(new CreditRecord(source, kind, reported, status, new BigDecimal("10000.00"), overdueDays));
        return this;
    }

    Snapshots credit(String source, String kind, LocalDate reported, String status) {
        return credit(source, kind, reported, status, null);
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile("3700012345", kind, "张三", MASKED_ID, MASKED_PHONE,
                "济南市历下区泉城路1号", "370102", "国网济南供电公司", null, 8.0, opened, Set.of(),
                opened == null ? List.of("opened") : List.of());
        return new CustomerSnapshot(profile, List.of(), bills, payments, recharges, trips, List.of(), List.of(),
                List.of(), List.of(), credit);
    }
}
