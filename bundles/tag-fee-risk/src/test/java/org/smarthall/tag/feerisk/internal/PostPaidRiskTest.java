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
 * Post-paid customers with the default rules, as of 2026-10-31: the window holds the bills of
 * 2025-11 to 2026-10; those of 2025-11 to 2026-09 are due by then (11 bills).
 */
class PostPaidRiskTest {
    private final FeeRiskAssessor assessor = new FeeRiskAssessor(FeeRiskRules.of(Annotations.of(FeeRiskConfig.class)));

    /** The customer of the 1.0-to-1.1 swap: medium here, high under 1.1's overdue rule. */
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
        assertTag("low", 0, "0 points: 11 bills, none over 5 days late; nothing outstanding",
                assess(Customers.resident().onTime("2025-11", "2026-09", "100.00")));
    }

    @Test
    void paymentWithinTheGraceDaysIsNotLate() {
        Customers grace = Customers.resident().onTime("2025-11", "2026-08", "100.00").paid("2026-09", "100.00", 5);
        assertTag("low", 0, "0 points: 11 bills, none over 5 days late; nothing outstanding", assess(grace));

        Customers oneDayMore = Customers.resident().onTime("2025-11", "2026-08", "100.00").paid("2026-09", "100.00", 6);
        // 6 for the late bill + 20 x 6 / 60 for the delay
        assertTag("low", 8, "8 points: 1 of 11 bills over 5 days late (max 6 days); nothing outstanding",
                assess(oneDayMore));
    }

    @Test
    void oneBillUnpaidForMonthsIsMedium() {
        // 6 (late bill) + 20 (289 days, over 60) + 10 (a month in arrears) + 10 (one mean bill outstanding)
        assertTag("medium", 46, "46 points: 1 of 11 bills over 5 days late (max 289 days);"
                + " 1 month in arrears, 100.00 yuan outstanding (1.0 mean bills)", assess(oneLongUnpaidBill()));
    }

    @Test
    void habitualLatePayerInArrearsIsHigh() {
        Customers customer = Customers.resident()
                .paid("2025-11", "100.00", 40).paid("2025-12", "100.00", 40)
                .paid("2026-01", "100.00", 40).paid("2026-02", "100.00", 40)
                .onTime("2026-03", "2026-06", "100.00")
                .unpaid("2026-07", "100.00").unpaid("2026-08", "100.00").unpaid("2026-09", "100.00");
        // 30 (7 late bills, capped) + 20 (77 days) + 30 (3 months) + 20 (3 mean bills, capped), capped at 100
        assertTag("high", 100, "100 points: 7 of 11 bills over 5 days late (max 77 days);"
                + " 3 months in arrears, 300.00 yuan outstanding (3.0 mean bills)", assess(customer));
    }

    @Test
    void enterprisesAndGovernmentBodiesFollowTheSameRules() {
        for (CustomerKind kind : new CustomerKind[] {CustomerKind.ENTERPRISE, CustomerKind.GOVERNMENT}) {
            Customers customer = Customers.of(kind).paid("2025-11", "8000.00", -3).unpaid("2025-12", "8000.00")
                    .onTime("2026-01", "2026-09", "8000.00");
            assertTag("medium", 46, "46 points: 1 of 11 bills over 5 days late (max 289 days);"
                    + " 1 month in arrears, 8000.00 yuan outstanding (1.0 mean bills)", assess(customer));
        }
    }

    /** 1.1 counts late payments over the last 6 months only: there this customer is low. */
    @Test
    void latePaymentsOfLastWinterStillCount() {
        Customers customer = Customers.resident();
        for (String month : new String[] {"2025-11", "2025-12", "2026-01", "2026-02", "2026-03"}) {
            customer.paid(month, "100.00", 40);
        }
        // 30 + 20 x 40 / 60 (13.3)
        assertTag("medium", 43, "43 points: 5 of 11 bills over 5 days late (max 40 days); nothing outstanding",
                assess(customer.onTime("2026-04", "2026-09", "100.00")));
    }

    @Test
    void mediumFromExactlyThirtyPoints() {
        // 4 late bills (24) + 20 x 18 / 60 (6) = 30
        Customers thirty = Customers.resident().paid("2025-11", "100.00", 18).paid("2025-12", "100.00", 18)
                .paid("2026-01", "100.00", 18).paid("2026-02", "100.00", 18).onTime("2026-03", "2026-09", "100.00");
        assertTag("medium", 30, "30 points: 4 of 11 bills over 5 days late (max 18 days); nothing outstanding",
                assess(thirty));
        // 24 + 20 x 15 / 60 (5) = 29
        Customers twentyNine = Customers.resident().paid("2025-11", "100.00", 15).paid("2025-12", "100.00", 15)
                .paid("2026-01", "100.00", 15).paid("2026-02", "100.00", 15).onTime("2026-03", "2026-09", "100.00");
        assertTag("low", 29, "29 points: 4 of 11 bills over 5 days late (max 15 days); nothing outstanding",
                assess(twentyNine));
    }

    @Test
    void highFromExactlySixtyPoints() {
        // 5 late bills (30) + 60 days (20) + the last 3 bills 50% above the 8 before (10) = 60
        assertTag("high", 60, "60 points: 5 of 11 bills over 5 days late (max 60 days); nothing outstanding;"
                + " bills up 50% in the last 3 billed months", assess(lateThenRising(60, "150.00")));
        // 30 + 20 x 57 / 60 (19) + 10 = 59
        assertTag("medium", 59, "59 points: 5 of 11 bills over 5 days late (max 57 days); nothing outstanding;"
                + " bills up 50% in the last 3 billed months", assess(lateThenRising(57, "150.00")));
    }

    @Test
    void aRiseBelowTheSteepRiseEarnsNoPoints() {
        assertTag("medium", 50, "50 points: 5 of 11 bills over 5 days late (max 60 days); nothing outstanding",
                assess(lateThenRising(60, "149.00")));
    }

    /** Bills of 100 yuan from 2025-11 to 2026-06, the first 5 paid {@code daysLate} late, then 3 of {@code recent}. */
    private static Customers lateThenRising(int daysLate, String recent) {
        Customers c = Customers.resident();
        for (String month : new String[] {"2025-11", "2025-12", "2026-01", "2026-02", "2026-03"}) {
            c.paid(month, "100.00", daysLate);
        }
        return c.onTime("2026-04", "2026-06", "100.00").onTime("2026-07", "2026-09", recent);
    }

    @Test
    void partlyPaidBillCountsWhatIsLeft() {
        Customers customer = Customers.resident().onTime("2025-11", "2026-08", "100.00")
                .partlyPaid("2026-09", "100.00", "40.00");
        // 6 + 20 x 16 / 60 (5.3) + 10 + 10 x 0.4 (4) = 25.3
        assertTag("low", 25, "25 points: 1 of 11 bills over 5 days late (max 16 days);"
                + " 1 month in arrears, 40.00 yuan outstanding (0.4 mean bills)", assess(customer));
    }

    @Test
    void billSettledAfterTheTaggingDateWasUnpaidOnIt() {
        LocalDate due = Customers.due("2026-09");
        Customers customer = Customers.resident().onTime("2025-11", "2026-08", "100.00")
                .bill(new Bill(YearMonth.of(2026, 9), new BigDecimal("100.00"), due, LocalDate.of(2026, 11, 20),
                        BigDecimal.ZERO));
        assertTag("low", 21, "21 points: 1 of 11 bills over 5 days late (max 16 days);"
                + " 1 month in arrears, 0.00 yuan outstanding, amount owed on 1 bill not known", assess(customer));
    }

    @Test
    void billsOutsideTheWindowAreIgnored() {
        Customers customer = Customers.resident().unpaid("2025-10", "500.00").onTime("2025-11", "2026-09", "100.00")
                .unpaid("2026-11", "500.00");
        assertTag("low", 0, "0 points: 11 bills, none over 5 days late; nothing outstanding", assess(customer));
    }

    @Test
    void noBillInTheWindowIsUnknown() {
        assertEquals(TagValue.unknown("fee-risk", "no bill in the 12 months before 2026-10-31"),
                assess(Customers.resident()));
        assertEquals(TagValue.unknown("fee-risk", "no bill in the 12 months before 2026-10-31"),
                assess(Customers.of(CustomerKind.ENTERPRISE).unpaid("2024-12", "900.00")
                        .onTime("2025-01", "2025-10", "900.00")));
    }

    @Test
    void noBillDueYetIsUnknown() {
        assertEquals(TagValue.unknown("fee-risk", "the one bill of the 12 months before 2026-10-31 was due by then"),
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
        TagValue tag = assessor.assess(snapshot, AS_OF);
        assertEquals(TagValue.unknown("fee-risk",
                "customer kind not given: post-paid and prepaid are judged differently"), tag);
    }

    @Test
    void billWithoutAnAmountStillCountsForLateness() {
        Customers customer = Customers.resident().onTime("2025-11", "2026-08", "100.00")
                .bill(new Bill(YearMonth.of(2026, 9), null, Customers.due("2026-09"), LocalDate.of(2026, 10, 25),
                        BigDecimal.ZERO));
        // 6 + 20 x 10 / 60 (3.3)
        assertTag("low", 9, "9 points: 1 of 11 bills over 5 days late (max 10 days); nothing outstanding",
                assess(customer));
    }
}
