package org.smarthall.grade.kmeans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.CreditRecord;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.grading.Population;

/**
 * Hand-made enterprise histories as of {@link #AS_OF}: the window is November 2025 to October
 * 2026; bills are issued like the demo province's, month {@code m} due on the 15th of month
 * {@code m + 1} (so October 2026's bill is not yet due).
 */
final class Enterprises {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final YearMonth LAST = YearMonth.of(2026, 10);

    private String account = "3400000001";
    private CustomerKind kind = CustomerKind.ENTERPRISE;
    private String industry = "C34";
    private LocalDate opened = LocalDate.of(2016, 10, 31);
    private final List<MonthlyConsumption> consumption = new ArrayList<>();
    private final List<Bill> bills = new ArrayList<>();
    private final List<CreditRecord> credit = new ArrayList<>();

    static Enterprises enterprise() {
        return new Enterprises();
    }

    Enterprises account(String account) {
        this.account = account;
        return this;
    }

    Enterprises kind(CustomerKind kind) {
        this.kind = kind;
        return this;
    }

    Enterprises industry(String industry) {
        this.industry = industry;
        return this;
    }

    Enterprises opened(LocalDate opened) {
        this.opened = opened;
        return this;
    }

    /** 12 months: the 6 earlier at {@code earlierKwh} each, the latest 6 at {@code laterKwh}. */
    Enterprises consumption(double earlierKwh, double laterKwh) {
        for (int age = 11; age >= 0; age--) {
            month(LAST.minusMonths(age), age >= 6 ? earlierKwh : laterKwh);
        }
        return this;
    }

    Enterprises month(YearMonth month, Double kwh) {
        consumption.add(new MonthlyConsumption(month, kwh, null, null, null));
        return this;
    }

    /** A bill for each month of the window: {@code late} of the due ones paid 20 days late, {@code unpaid} of them not paid, the rest 3 days early. */
    Enterprises bills(int late, int unpaid) {
        int lateLeft = late;
        int unpaidLeft = unpaid;
        for (int age = 11; age >= 0; age--) {
            YearMonth m = LAST.minusMonths(age);
            LocalDate due = m.plusMonths(1).atDay(15);
            BigDecimal amount = new BigDecimal("10000.00");
            if (unpaidLeft > 0 && due.isBefore(AS_OF)) {
                unpaidLeft--;
                bills.add(new Bill(m, amount, due, null, amount));
            } else if (lateLeft > 0 && due.plusDays(20).isBefore(AS_OF)) {
                lateLeft--;
                bills.add(new Bill(m, amount, due, due.plusDays(20), BigDecimal.ZERO));
            } else {
                bills.add(new Bill(m, amount, due, due.minusDays(3), BigDecimal.ZERO));
            }
        }
        return this;
    }

    Enterprises noBills() {
        bills.clear();
        return this;
    }

    Enterprises credit(String status, LocalDate reported) {
        credit.add(new CreditRecord("bank", "loan", reported, status, new BigDecimal("500000"), 90));
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile(account, kind, "测试企业", null, null, null, "340102", null,
                industry, 800.0, opened, null, null);
        return new CustomerSnapshot(profile, consumption, bills, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), credit);
    }

    /** A population over a list, scanned as often as asked. */
    static Population population(List<CustomerSnapshot> customers) {
        return new Population() {
            @Override
            public long size() {
                return customers.size();
            }

            @Override
            public void forEach(Consumer<CustomerSnapshot> action) {
                customers.forEach(action);
            }
        };
    }

    /** The latent group a synthetic enterprise was drawn from. */
    enum Group {
        /** Booming industries, consumption up about 60%, good credit, young accounts. */
        GROWTH,
        /** Middling industries, flat consumption, good credit. */
        MAINTAIN,
        /** Heavy industry buying much of its power directly, consumption falling, late and unpaid bills. */
        RISK
    }

    /** One enterprise of a group, with noise from {@code r}. */
    static Enterprises of(Group group, SplittableRandom r, int number) {
        Enterprises e = enterprise().account(String.format("34%08d", number));
        double level = Math.pow(10, 5 + r.nextDouble() * 2); // 100,000 to 10,000,000 kWh a year
        double monthly = level / 12;
        switch (group) {
            case GROWTH -> e.industry(r.nextBoolean() ? "I65" : "C39")
                    .opened(AS_OF.minusDays(365 + r.nextInt(4 * 365)))
                    .consumption(monthly, monthly * (1.5 + 0.2 * r.nextDouble()))
                    .bills(r.nextInt(2), 0);
            case MAINTAIN -> e.industry(r.nextBoolean() ? "F51" : "C34")
                    .opened(AS_OF.minusDays(8 * 365 + r.nextInt(10 * 365)))
                    .consumption(monthly, monthly * (0.95 + 0.1 * r.nextDouble()))
                    .bills(r.nextInt(2), 0);
            case RISK -> e.industry(r.nextBoolean() ? "C31" : "C30")
                    .opened(AS_OF.minusDays(8 * 365 + r.nextInt(10 * 365)))
                    .consumption(monthly, monthly * (0.7 + 0.1 * r.nextDouble()))
                    .bills(4 + r.nextInt(4), 1 + r.nextInt(3));
            default -> throw new IllegalArgumentException();
        }
        return e;
    }

    /** {@code perGroup} enterprises of each group, interleaved, from a seeded stream. */
    static List<CustomerSnapshot> threeGroups(int perGroup, long seed, List<Group> groups) {
        SplittableRandom r = new SplittableRandom(seed);
        List<CustomerSnapshot> out = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < perGroup; i++) {
            for (Group g : Group.values()) {
                out.add(of(g, r, number++).build());
                groups.add(g);
            }
        }
        return out;
    }
}
