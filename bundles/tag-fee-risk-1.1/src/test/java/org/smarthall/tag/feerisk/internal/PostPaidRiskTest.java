package org.smarthall.tag.feerisk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarthall.tag.feerisk.internal.Customers.AS_OF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;
import org.smarthall.testing.Annotations;

/**
 * Post-paid customers with the default rules of 1.1, as of 2026-10-31: the window holds the bills
 * of 2025-11 to 2026-10; those of 2025-11 to 2026-09 are due by then (11 bills), 5 of them (2026-05
 * to 2026-09) in the late-payment window of the last 6 months.
 */
class PostPaidRiskTest {
    private static final String ON_TIME = "5 bills of the last 6 months, none over 5 days late";

    private final FeeRiskAssessor assessor = new FeeRiskAssessor(FeeRiskRules.of(Annotations.of(FeeRiskConfig.class)));

    /** The customer of the 1.0-to-1.1 swap: 46 points, medium under 1.0; high here by the overdue rule. */
    static Customers oneLongUnpaidBill() {
        return Customers.resident().paid("2025-11", "100.00", -3).unpaid("2025-12", "100.00")
                .onTime("2026-01", "2026-09", "100.00");
    }

    private TagValue assess(Customers customer) {
        return assessor.assess(customer.build(), AS_OF);
    }

    private static void assertTag(String value, double score, String reason, TagValue tag) {
        assertEquals(new TagValue("fee-risk", value, score, reason), tag);
    }

    @Test
    void punctualPayerIsLow() {
        assertTag("low", 0, "Points rule: 0 of 100 points. " + ON_TIME + "; nothing outstanding",
                assess(Customers.resident().onTime("2025-11", "2026-09", "100.00")));
    }

    @Test
    void paymentWithinTheGraceDaysIsNotLate() {
        Customers grace = Customers.resident().onTime("2025-11", "2026-08", "100.00").paid("2026-09", "100.00", 5);
        assertTag("low", 0, "Points rule: 0 of 100 points. " + ON_TIME + "; nothing outstanding", assess(grace));

        Customers oneDayMore = Customers.resident().onTime("2025-11", "2026-08", "100.00").paid("2026-09", "100.00", 6);
        assertTag("low", 8, "Points rule: 8 of 100 points. 1 of 5 bills of the last 6 months over 5 days late"
                + " (max 6 days); nothing outstanding", assess(oneDayMore));
    }

    @Test
    void oneBillUnpaidForMonthsIsHighUnlikeIn10() {
        // the overdue rule; the points: no late bill in the last 6 months, 10 (a month in arrears) + 10 (one mean bill)
        assertTag("high", 60, "Overdue rule: bill 2025-12 unpaid 289 days past due (over 90), so high risk."
                + " 20 of 100 points. " + ON_TIME + "; 1 month in arrears, 100.00 yuan outstanding (1.0 mean bills)",
                assess(oneLongUnpaidBill()));
    }

    @Test
    void overdueRuleFiresAfterMoreThanNinetyDays() {
        // due 2026-08-02: 90 days before 2026-10-31; 6 + 20 + 10 + 10 = 46 points
        assertTag("medium", 46, "Points rule: 46 of 100 points. 1 of 5 bills of the last 6 months over 5 days late"
                + " (max 90 days); 1 month in arrears, 100.00 yuan outstanding (1.0 mean bills)",
                assess(unpaidSince(LocalDate.of(2026, 8, 2))));
        assertTag("high", 60, "Overdue rule: bill 2026-07 unpaid 91 days past due (over 90), so high risk."
                + " 46 of 100 points. 1 of 5 bills of the last 6 months over 5 days late (max 91 days);"
                + " 1 month in arrears, 100.00 yuan outstanding (1.0 mean bills)",
                assess(unpaidSince(LocalDate.of(2026, 8, 1))));
    }

    private static Customers unpaidSince(LocalDate due) {
        return Customers.resident().onTime("2025-11", "2026-06", "100.00")
                .bill(new Bill(YearMonth.of(2026, 7), new BigDecimal("100.00"), due, null, new BigDecimal("100.00")))
                .onTime("2026-08", "2026-09", "100.00");
    }

    @Test
    void overdueRuleKeepsTheHigherPointsAsScore() {
        Customers customer = Customers.resident()
                .paid("2025-11", "100.00", 40).paid("2025-12", "100.00", 40)
                .unpaid("2026-01", "100.00").onTime("2026-02", "2026-05", "100.00")
                .paid("2026-06", "100.00", 40).paid("2026-07", "100.00", 40)
                .unpaid("2026-08", "100.00").unpaid("2026-09", "100.00");
        // 24 (4 late bills of the last 6 months) + 20 (46 days: 15.3) + 30 (3 months) + 20 (3 mean bills) = 89.3
        assertTag("high", 89, "Overdue rule: bill 2026-01 unpaid 258 days past due (over 90), so high risk."
                + " 89 of 100 points. 4 of 5 bills of the last 6 months over 5 days late (max 46 days);"
                + " 3 months in arrears, 300.00 yuan outstanding (3.0 mean bills)", assess(customer));
    }

    @Test
    void habitualLatePayerInArrearsIsHighByThePoints() {
        Customers customer = Customers.resident()
                .paid("2025-11", "100.00", 40).paid("2025-12", "100.00", 40)
                .paid("2026-01", "100.00", 40).paid("2026-02", "100.00", 40)
                .onTime("2026-03", "2026-06", "100.00")
                .unpaid("2026-07", "100.00").unpaid("2026-08", "100.00").unpaid("2026-09", "100.00");
        // 18 (3 late bills of the last 6 months) + 20 (77 days) + 30 (3 months) + 20 (3 mean bills, capped)
        assertTag("high", 88, "Points rule: 88 of 100 points. 3 of 5 bills of the last 6 months over 5 days late"
                + " (max 77 days); 3 months in arrears, 300.00 yuan outstanding (3.0 mean bills)", assess(customer));
    }

    @Test
    void latePaymentsBeforeTheLastSixMonthsDoNotCount() {
        Customers customer = Customers.resident();
        for (String month : new String[] {"2025-11", "2025-12", "2026-01", "2026-02", "2026-03"}) {
            customer.paid(month, "100.00", 40);
        }
        // 43 points, medium, under 1.0
        assertTag("low", 0, "Points rule: 0 of 100 points. " + ON_TIME + "; nothing outstanding",
                assess(customer.onTime("2026-04", "2026-09", "100.00")));
    }

    @Test
    void noBillDueInTheLastSixMonths() {
        assertTag("low", 0, "Points rule: 0 of 100 points. no bill of the last 6 months due; nothing outstanding",
                assess(Customers.resident().onTime("2025-11", "2026-04", "100.00")));
    }

    @Test
    void enterprisesAndGovernmentBodiesFollowTheSameRules() {
        for (CustomerKind kind : new CustomerKind[] {CustomerKind.ENTERPRISE, CustomerKind.GOVERNMENT}) {
            Customers customer = Customers.of(kind).paid("2025-11", "8000.00", -3).unpaid("2025-12", "8000.00")
                    .onTime("2026-01", "2026-09", "8000.00");
            assertTag("high", 60, "Overdue rule: bill 2025-12 unpaid 289 days past due (over 90), so high risk."
                    + " 20 of 100 points. " + ON_TIME + "; 1 month in arrears, 8000.00 yuan outstanding (1.0 mean bills)",
                    assess(customer));
        }
    }

    @Test
    void mediumFromExactlyThirtyPoints() {
        // 4 late bills (24) + 20 x 18 / 60 (6) = 30
        assertTag("medium", 30, "Points rule: 30 of 100 points. 4 of 5 bills of the last 6 months over 5 days late"
                + " (max 18 days); nothing outstanding", assess(recentlyLate(18)));
        // 24 + 20 x 15 / 60 (5) = 29
        assertTag("low", 29, "Points rule: 29 of 100 points. 4 of 5 bills of the last 6 months over 5 days late"
                + " (max 15 days); nothing outstanding", assess(recentlyLate(15)));
    }

    /** Bills of 100 yuan, those of 2026-05 to 2026-08 paid {@code daysLate} late. */
    private static Customers recentlyLate(int daysLate) {
        Customers c = Customers.resident().onTime("2025-11", "2026-04", "100.00");
        for (String month : new String[] {"2026-05", "2026-06", "2026-07", "2026-08"}) {
            c.paid(month, "100.00", daysLate);
        }
        return c.onTime("2026-09", "2026-09", "100.00");
    }

    @Test
    void highFromExactlySixtyPoints() {
        // 4 late bills (24) + 60 days (20) + a month in arrears (10) + 0.6 mean bills outstanding (6) = 60
        assertTag("high", 60, "Points rule: 60 of 100 points. 4 of 5 bills of the last 6 months over 5 days late"
                + " (max 60 days); 1 month in arrears, 60.00 yuan outstanding (0.6 mean bills)",
                assess(lateAndOwing("60.00")));
        assertTag("medium", 59, "Points rule: 59 of 100 points. 4 of 5 bills of the last 6 months over 5 days late"
                + " (max 60 days); 1 month in arrears, 50.00 yuan outstanding (0.5 mean bills)",
                assess(lateAndOwing("50.00")));
    }

    /** 2026-05 to 2026-07 paid 60 days late, 2026-08 on time, 2026-09 partly paid with {@code owed} left. */
    private static Customers lateAndOwing(String owed) {
        return Customers.resident().onTime("2025-11", "2026-04", "100.00").paid("2026-05", "100.00", 60)
                .paid("2026-06", "100.00", 60).paid("2026-07", "100.00", 60).onTime("2026-08", "2026-08", "100.00")
                .partlyPaid("2026-09", "100.00", owed);
    }

    @Test
    void steepRiseOfBillsEarnsTrendPoints() {
        assertTag("low", 10, "Points rule: 10 of 100 points. " + ON_TIME + "; nothing outstanding;"
                + " bills up 50% in the last 3 billed months",
                assess(Customers.resident().onTime("2025-11", "2026-06", "100.00").onTime("2026-07", "2026-09", "150.00")));
        assertTag("low", 0, "Points rule: 0 of 100 points. " + ON_TIME + "; nothing outstanding",
                assess(Customers.resident().onTime("2025-11", "2026-06", "100.00").onTime("2026-07", "2026-09", "149.00")));
    }

    @Test
    void partlyPaidBillCountsWhatIsLeft() {
        Customers customer = Customers.resident().onTime("2025-11", "2026-08", "100.00")
                .partlyPaid("2026-09", "100.00", "40.00");
        assertTag("low", 25, "Points rule: 25 of 100 points. 1 of 5 bills of the last 6 months over 5 days late"
                + " (max 16 days); 1 month in arrears, 40.00 yuan outstanding (0.4 mean bills)", assess(customer));
    }

    @Test
    void billSettledAfterTheTaggingDateWasUnpaidOnIt() {
        Customers customer = Customers.resident().onTime("2025-11", "2026-05", "100.00")
                .bill(new Bill(YearMonth.of(2026, 6), new BigDecimal("100.00"), Customers.due("2026-06"),
                        LocalDate.of(2026, 11, 20), BigDecimal.ZERO))
                .onTime("2026-07", "2026-09", "100.00");
        // due 2026-07-15, settled 2026-11-20: unpaid for 108 days on 2026-10-31, amount then not known
        assertTag("high", 60, "Overdue rule: bill 2026-06 unpaid 108 days past due (over 90), so high risk."
                + " 36 of 100 points. 1 of 5 bills of the last 6 months over 5 days late (max 108 days);"
                + " 1 month in arrears, 0.00 yuan outstanding, amount owed on 1 bill not known", assess(customer));
    }

    @Test
    void billsOutsideTheWindowAreIgnored() {
        Customers customer = Customers.resident().unpaid("2025-10", "500.00").onTime("2025-11", "2026-09", "100.00")
                .unpaid("2026-11", "500.00");
        assertTag("low", 0, "Points rule: 0 of 100 points. " + ON_TIME + "; nothing outstanding", assess(customer));
    }

    @Test
    void noBillInTheWindowIsUnknown() {
        TagValue unknown = TagValue.unknown("fee-risk", "Missing data: no bill in the 12 months before 2026-10-31");
        assertEquals(unknown, assess(Customers.resident()));
        assertEquals(unknown, assess(Customers.of(CustomerKind.ENTERPRISE).unpaid("2024-12", "900.00")
                .onTime("2025-01", "2025-10", "900.00")));
    }

    @Test
    void noBillDueYetIsUnknown() {
        assertEquals(TagValue.unknown("fee-risk",
                "Missing data: the one bill of the 12 months before 2026-10-31 was due by then"),
                assess(Customers.resident().unpaid("2026-10", "100.00")));
    }

    @Test
    void customerWithoutAKindIsUnknown() {
        CustomerSnapshot known = oneLongUnpaidBill().build();
        CustomerProfile p = known.profile();
        CustomerProfile noKind = new CustomerProfile(p.account(), null, p.name(), null, null, null, p.region(), null,
                null, null, null, null, null);
        CustomerSnapshot snapshot = new CustomerSnapshot(noKind, known.consumption(), known.bills(), known.payments(),
                known.recharges(), known.trips(), known.workOrders(), known.ratings(), known.visits(), known.contacts());
        assertEquals(TagValue.unknown("fee-risk",
                "Missing data: customer kind not given: post-paid and prepaid are judged differently"),
                assessor.assess(snapshot, AS_OF));
    }
}
