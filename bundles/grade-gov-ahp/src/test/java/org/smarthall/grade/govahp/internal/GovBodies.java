package org.smarthall.grade.govahp.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.customer.WorkOrderKind;
import org.smarthall.api.grading.Population;

/**
 * Hand-made government customers. The run date is 2026-10-31: the window holds the months
 * 2025-11 to 2026-10.
 */
final class GovBodies {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final YearMonth FIRST = YearMonth.of(2025, 11);
    static final YearMonth LAST = YearMonth.of(2026, 10);

    private final String account;
    private CustomerKind kind = CustomerKind.GOVERNMENT;
    private String industry = "S92";
    private String region = "371302";
    private Double kva = 200.0;
    private Set<String> sensitive = Set.of();
    private final List<MonthlyConsumption> consumption = new ArrayList<>();
    private final List<WorkOrder> workOrders = new ArrayList<>();

    private GovBodies(String account) {
        this.account = account;
    }

    /** A state organ (S92) outside the capital, 200 kVA, no flag, no complaint, no consumption yet. */
    static GovBodies body(String account) {
        return new GovBodies(account);
    }

    GovBodies kind(CustomerKind k) {
        kind = k;
        return this;
    }

    GovBodies industry(String code) {
        industry = code;
        return this;
    }

    GovBodies region(String code) {
        region = code;
        return this;
    }

    GovBodies kva(Double capacity) {
        kva = capacity;
        return this;
    }

    GovBodies flags(String... flags) {
        sensitive = Set.of(flags);
        return this;
    }

    /** The same kWh in each of the 12 months of the window. */
    GovBodies monthlyKwh(double kwh) {
        consumption.clear();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            consumption.add(new MonthlyConsumption(m, kwh, null, null, null));
        }
        return this;
    }

    /** The whole year's kWh in the last month, 0 in the 11 before: an exact annual sum. */
    GovBodies yearKwh(double kwh) {
        monthlyKwh(0);
        consumption.set(11, new MonthlyConsumption(LAST, kwh, null, null, null));
        return this;
    }

    /** Removes the reading of a month: it was not metered. */
    GovBodies unmetered(String month) {
        consumption.removeIf(m -> m.month().equals(YearMonth.parse(month)));
        return this;
    }

    GovBodies consumption(MonthlyConsumption month) {
        consumption.add(month);
        return this;
    }

    /** A work order opened at {@code yyyy-MM-ddTHH:mm} China Standard Time. */
    GovBodies workOrder(WorkOrderKind k, String at) {
        workOrders.add(new WorkOrder(account + "-" + workOrders.size(), "95598", k,
                LocalDateTime.parse(at).atZone(Codes.TIME_ZONE).toInstant(), null, null, null));
        return this;
    }

    GovBodies complaints(int count) {
        for (int i = 0; i < count; i++) {
            workOrder(WorkOrderKind.COMPLAINT, "2026-0" + (i % 9 + 1) + "-10T10:00");
        }
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile(account, kind, "测试单位" + account, null, null, null, region,
                "测试供电所", industry, kva, null, sensitive, null);
        return new CustomerSnapshot(profile, consumption, List.of(), List.of(), List.of(), List.of(), workOrders,
                List.of(), List.of(), List.of());
    }

    /** A population backed by a list, in the list's order; counts its scans. */
    static final class ListPopulation implements Population {
        private final List<CustomerSnapshot> customers;
        int scans;

        ListPopulation(List<CustomerSnapshot> customers) {
            this.customers = List.copyOf(customers);
        }

        static ListPopulation of(GovBodies... bodies) {
            List<CustomerSnapshot> list = new ArrayList<>();
            for (GovBodies b : bodies) {
                list.add(b.build());
            }
            return new ListPopulation(list);
        }

        @Override
        public long size() {
            return customers.size();
        }

        @Override
        public void forEach(Consumer<CustomerSnapshot> action) {
            scans++;
            customers.forEach(action);
        }
    }
}
