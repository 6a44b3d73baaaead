package org.smarthall.tag.channel.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Contact;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.Payment;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.VisitSummary;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.customer.WorkOrderKind;

/** Builds a customer's behaviour relative to {@link #AS_OF}: "3 payments on wechat 10 days before". */
final class History {
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private final List<Payment> payments = new ArrayList<>();
    private final List<Recharge> recharges = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<WorkOrder> workOrders = new ArrayList<>();
    private final List<VisitSummary> visits = new ArrayList<>();

    static History customer() {
        return new History();
    }

    /** Noon of the day {@code daysBefore} days before {@link #AS_OF}, China time: an age of exactly that many days. */
    static Instant noon(int daysBefore) {
        return AS_OF.minusDays(daysBefore).atTime(LocalTime.NOON).atZone(Codes.TIME_ZONE).toInstant();
    }

    History payments(int n, String channel, int daysBefore) {
        for (int i = 0; i < n; i++) {
            payments.add(new Payment(AS_OF.minusDays(daysBefore), BigDecimal.TEN, channel));
        }
        return this;
    }

    History paymentOn(LocalDate date, String channel) {
        payments.add(new Payment(date, BigDecimal.TEN, channel));
        return this;
    }

    History recharges(int n, String channel, boolean success, int daysBefore) {
        for (int i = 0; i < n; i++) {
            recharges.add(new Recharge(noon(daysBefore), BigDecimal.valueOf(50), channel, success,
                    success ? null : "支付超时"));
        }
        return this;
    }

    History contacts(int n, String channel, String kind, int daysBefore) {
        for (int i = 0; i < n; i++) {
            contacts.add(new Contact(noon(daysBefore), channel, kind));
        }
        return this;
    }

    History contactAt(Instant at, String channel, String kind) {
        contacts.add(new Contact(at, channel, kind));
        return this;
    }

    History workOrders(int n, String channel, int daysBefore) {
        for (int i = 0; i < n; i++) {
            Instant opened = noon(daysBefore);
            workOrders.add(new WorkOrder("WO" + workOrders.size(), channel, WorkOrderKind.ENQUIRY, opened,
                    opened.plusSeconds(3600), "已办结", 5));
        }
        return this;
    }

    History visits(int n, int daysBefore) {
        for (int i = 0; i < n; i++) {
            Instant entered = noon(daysBefore);
            visits.add(new VisitSummary("HALL-1", entered, entered.plusSeconds(1200), List.of("entrance", "counter")));
        }
        return this;
    }

    History visit(VisitSummary visit) {
        visits.add(visit);
        return this;
    }

    CustomerSnapshot build() {
        CustomerProfile profile = new CustomerProfile("3700000001", CustomerKind.RESIDENT, "张三", null,
                "138****5678", null, "370102", "济南供电公司", null, null, null, Set.of(), List.of());
        return new CustomerSnapshot(profile, List.of(), List.of(), payments, recharges, List.of(), workOrders,
                List.of(), visits, contacts);
    }
}
