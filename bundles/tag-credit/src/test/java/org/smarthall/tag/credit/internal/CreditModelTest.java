package org.smarthall.tag.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.tag.TagValue;

/**
 * The credit model on hand-made histories, tagged as of 2026-06-30: the 12 months are 2025-07-01
 * to 2026-06-30, the look-back 2024-07-01 to 2026-06-30. Expected scores follow from the defaults
 * of {@link CreditConfig}: internal 80 base, third-party 80 base, weights 0.6 / 0.4, AAA from
 * 90, AA from 80, A from 65, B from 50.
 */
class CreditModelTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** Bills of 2025-06 to 2026-05, due 2025-07-15 to 2026-06-15: all twelve in the window. */
    static final YearMonth FIRST_BILL = YearMonth.of(2025, 6);
    /** 26 full years on the tagging date: the full 10 points of account age. */
    static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    /** Exactly 10 full years on the tagging date: 5 points. */
    static final LocalDate TEN_YEARS = LocalDate.of(2016, 6, 30);

    private final CreditModel model = Configs.model(Map.of());

    static TagValue tag(CreditModel model, Snapshots customer) {
        return model.evaluate(customer.build(), AS_OF);
    }

    private TagValue tag(Snapshots customer) {
        return tag(model, customer);
    }

    static void assertTag(String grade, double score, TagValue tag) {
        assertEquals("credit", tag.dimension());
        assertEquals(grade, tag.value(), tag.reason());
        assertEquals(score, tag.score(), 1e-9, tag.reason());
    }

    /** A post-paid resident who paid all 12 bills on time, account 26 years old: 80 + 10 = 90. */
    static Snapshots punctualOldResident() {
        return Snapshots.resident().opened(LONG_AGO).bills(FIRST_BILL, 12, "100.00", 0);
    }

    @Nested
    class EveryGrade {
        @Test
        void punctualPayerOfLongStandingIsAaaExactlyAtTheCutOff() {
            TagValue tag = tag(punctualOldResident());
            assertTag("AAA", 90.0, tag);
            assertEquals("all 12 bills paid on time; account 26 years old; no third-party records; internal history "
                    + "only. Score 90.0.", tag.reason());
        }

        @Test
        void halfAPointLessIsAa() {
            // 19 full years: 9.5 points
            assertTag("AA", 89.5, tag(Snapshots.resident().opened(LocalDate.of(2007, 1, 1))
                    .bills(FIRST_BILL, 12, "100.00", 0)));
        }

        @Test
        void prepaidWithoutTripsIsAaAndFailedRechargesAreNotHeldAgainstIt() {
            TagValue tag = tag(Snapshots.prepaid().opened(TEN_YEARS).monthlyRecharges(YearMonth.of(2025, 7), 12)
                    .recharge(LocalDateTime.of(2026, 3, 2, 20, 0), false)
                    .recharge(LocalDateTime.of(2026, 3, 2, 20, 5), false));
            assertTag("AA", 85.0, tag);
            assertEquals("14 recharges, no meter trip (2 failed recharges not held against the customer); account 10 "
                    + "years old; no third-party records; internal history only. Score 85.0.", tag.reason());
        }

        @Test
        void prepaidWithFiveTripsIsA() {
            TagValue tag = tag(Snapshots.prepaid().opened(TEN_YEARS).monthlyRecharges(YearMonth.of(2025, 7), 12)
                    .trips(YearMonth.of(2025, 8), 5));
            assertTag("A", 70.0, tag);
            assertTrue(tag.reason().startsWith("12 recharges, 5 meter trips; account 10 years old"), tag.reason());
        }

        @Test
        void meterTripsTakeFifteenPointsAtMost() {
            assertTag("A", 70.0, tag(Snapshots.prepaid().opened(TEN_YEARS).monthlyRecharges(YearMonth.of(2025, 7), 12)
                    .trips(YearMonth.of(2025, 7), 9)));
        }

        @Test
        void oftenLateIsB() {
            // 80 - 30 x 6/12 - 0.2 x 30 = 59
            TagValue tag = tag(Snapshots.resident().bills(FIRST_BILL, 6, "100.00", 30)
                    .bills(FIRST_BILL.plusMonths(6), 6, "100.00", 0));
            assertTag("B", 59.0, tag);
            assertEquals("6 of 12 bills paid late (max 30 days); account opening date missing; no third-party records; "
                    + "internal history only. Score 59.0.", tag.reason());
        }

        @Test
        void arrearsAreC() {
            // unpaid bills due 2026-04-15, -05-15, -06-15: 76, 46 and 15 days late on 2026-06-30
            // 80 - 30 x 3/12 - 0.2 x 76 - 8 x 3 - 20 x 300/1200 = 28.3
            TagValue tag = tag(Snapshots.resident().bills(FIRST_BILL, 9, "100.00", 0)
                    .unpaid(YearMonth.of(2026, 3), "100.00").unpaid(YearMonth.of(2026, 4), "100.00")
                    .unpaid(YearMonth.of(2026, 5), "100.00"));
            assertTag("C", 28.3, tag);
            assertEquals("3 of 12 bills paid late (max 76 days); 3 months in arrears, 300.00 yuan outstanding; account "
                    + "opening date missing; no third-party records; internal history only. Score 28.3.", tag.reason());
        }

        @Test
        void unpaidBillWithoutOutstandingAmountIsSaidSo() {
            TagValue tag = tag(Snapshots.resident().bills(FIRST_BILL, 10, "100.00", 0)
                    .bill(YearMonth.of(2026, 4), "100.00", null, null).unpaid(YearMonth.of(2026, 5), "100.00"));
            // 80 - 30 x 2/12 - 0.2 x 46 - 8 x 2 - 20 x 100/1200 = 48.13: the amount not given takes no points
            assertTag("C", 48.1, tag);
            assertTrue(tag.reason().startsWith("2 of 12 bills paid late (max 46 days); 2 months in arrears, 100.00 yuan "
                    + "outstanding (not given for 1 bill);"), tag.reason());
        }

        @Test
        void arrearsWithoutAnyAmountOutstandingAreSaidSo() {
            // 80 - 2.5 - 0.2 x 15 - 8 = 66.5
            TagValue tag = tag(Snapshots.resident().bills(FIRST_BILL, 11, "100.00", 0)
                    .bill(YearMonth.of(2026, 5), "100.00", null, null));
            assertTag("A", 66.5, tag);
            assertTrue(tag.reason().startsWith("1 of 12 bills paid late (max 15 days); 1 month in arrears (amount "
                    + "outstanding not given);"), tag.reason());
        }
    }

    @Nested
    class Boundaries {
        @Test
        void exactlyEightyIsAa() {
            assertTag("AA", 80.0, tag(Snapshots.prepaid().monthlyRecharges(YearMonth.of(2025, 7), 12)));
        }

        @Test
        void exactlySixtyFiveIsA() {
            assertTag("A", 65.0, tag(Snapshots.prepaid().monthlyRecharges(YearMonth.of(2025, 7), 12)
                    .trips(YearMonth.of(2025, 8), 5)));
        }

        @Test
        void justUnderSixtyFiveIsB() {
            CreditModel steeper = Configs.model(Map.of("tripPoints", 3.02, "maxTripPoints", 20.0));
            assertTag("B", 64.9, tag(steeper, Snapshots.prepaid().monthlyRecharges(YearMonth.of(2025, 7), 12)
                    .trips(YearMonth.of(2025, 8), 5)));
        }

        @Test
        void exactlyFiftyIsB() {
            // third-party only: 80 - min(30, 5 + 0.25 x 100) = 50
            TagValue tag = tag(Snapshots.resident().credit("water", "utility_bill", LocalDate.of(2026, 2, 1), "overdue", 100));
            assertTag("B", 50.0, tag);
        }

        @Test
        void justUnderFiftyIsC() {
            CreditModel stricter = Configs.model(Map.of("gradeB", 50.1));
            assertTag("C", 50.0, tag(stricter,
                    Snapshots.resident().credit("water", "utility_bill", LocalDate.of(2026, 2, 1), "overdue", 100)));
        }
    }

    @Nested
    class ThirdParty {
        @Test
        void propertyAndDepositAloneGiveAaa() {
            TagValue tag = tag(Snapshots.resident().opened(LONG_AGO)
                    .credit("property_registry", "property", LocalDate.of(2025, 11, 3), "normal")
                    .credit("bank", "deposit", LocalDate.of(2026, 5, 31), "normal"));
            assertTag("AAA", 98.0, tag);
            assertEquals("third-party: in good standing: bank deposit, registered property; no payment history in the "
                    + "12 months; third-party records only. Score 98.0.", tag.reason());
        }

        @Test
        void bothPartsAreWeighted() {
            TagValue tag = tag(punctualOldResident().credit("bank", "loan", LocalDate.of(2026, 5, 31), "normal"));
            // 0.6 x 90 + 0.4 x 83
            assertTag("AA", 87.2, tag);
            assertEquals("all 12 bills paid on time; account 26 years old; third-party: in good standing: bank loan. "
                    + "Score 87.2 = 0.6 x internal 90.0 + 0.4 x third-party 83.0.", tag.reason());
        }

        @Test
        void aLoanReportedEveryMonthCountsOnce() {
            Snapshots customer = Snapshots.resident();
            for (int m = 0; m < 24; m++) {
                customer.credit("bank", "loan", LocalDate.of(2024, 7, 31).plusMonths(m), "normal");
            }
            assertTag("AA", 83.0, tag(customer));
        }

        @Test
        void overdueCountsTheMostDaysOfASourceAndKind() {
            // 80 - (5 + 0.25 x 45)
            TagValue tag = tag(Snapshots.resident()
                    .credit("water", "utility_bill", LocalDate.of(2026, 1, 5), "overdue", 20)
                    .credit("water", "utility_bill", LocalDate.of(2026, 2, 5), "overdue", 45));
            assertTag("B", 63.8, tag);
            assertTrue(tag.reason().startsWith("third-party: water bill overdue 45 days; no payment history"), tag.reason());
        }

        @Test
        void overdueWithoutDaysTakesTheFixedPointsAndSaysSo() {
            TagValue tag = tag(Snapshots.resident().credit("gas", "utility_bill", LocalDate.of(2026, 1, 5), "overdue"));
            assertTag("A", 75.0, tag);
            assertTrue(tag.reason().startsWith("third-party: gas bill overdue (days not given);"), tag.reason());
        }

        @Test
        void closedRecordsAreNeutral() {
            TagValue tag = tag(Snapshots.resident().credit("alipay", "loan", LocalDate.of(2026, 1, 5), "closed"));
            assertTag("AA", 80.0, tag);
            assertTrue(tag.reason().startsWith("third-party: 1 closed;"), tag.reason());
        }

        @Test
        void aDefaultCapsTheGradeAtBAndIsNamed() {
            // 0.6 x 90 + 0.4 x (80 - 50 + 10) = 70, an A, capped at B
            TagValue tag = tag(punctualOldResident().credit("bank", "loan", LocalDate.of(2026, 3, 14), "default", 120)
                    .credit("property_registry", "property", LocalDate.of(2026, 1, 10), "normal"));
            assertTag("B", 64.9, tag);
            assertEquals("all 12 bills paid on time; account 26 years old; third-party: bank loan in default, reported "
                    + "2026-03-14; in good standing: registered property. Score 70.0 = 0.6 x internal 90.0 + 0.4 x "
                    + "third-party 40.0; capped at B by the default (score 64.9).", tag.reason());
        }

        @Test
        void aDefaultNamesItsLatestReport() {
            TagValue tag = tag(Snapshots.resident().credit("wechat_pay", "credit_card", LocalDate.of(2025, 9, 1), "default")
                    .credit("wechat_pay", "credit_card", LocalDate.of(2026, 4, 1), "default"));
            // 80 - 50, once for the card
            assertTag("C", 30.0, tag);
            assertTrue(tag.reason().startsWith("third-party: WeChat Pay credit card in default, reported 2026-04-01;"),
                    tag.reason());
            assertFalse(tag.reason().contains("capped"), tag.reason());
        }

        @Test
        void aDefaultBeforeTheLookBackIsIgnored() {
            TagValue tag = tag(punctualOldResident().credit("bank", "loan", LocalDate.of(2024, 6, 30), "default")
                    .credit("property_registry", "property", LocalDate.of(2026, 1, 10), "normal"));
            // 0.6 x 90 + 0.4 x 90
            assertTag("AAA", 90.0, tag);
            assertFalse(tag.reason().contains("default"), tag.reason());
        }

        @Test
        void aDefaultOnTheFirstDayOfTheLookBackCounts() {
            assertTag("B", 64.9, tag(punctualOldResident().credit("bank", "loan", LocalDate.of(2024, 7, 1), "default")
                    .credit("property_registry", "property", LocalDate.of(2026, 1, 10), "normal")));
        }

        @Test
        void recordsReportedAfterTheTaggingDateAreIgnored() {
            assertTag("AAA", 90.0, tag(punctualOldResident().credit("bank", "loan", LocalDate.of(2026, 7, 1), "default")));
        }

        @Test
        void unreadableRecordsAreIgnored() {
            TagValue tag = tag(punctualOldResident().credit("pawnshop", "loan", LocalDate.of(2026, 1, 1), "default")
                    .credit("bank", "mortgage", LocalDate.of(2026, 1, 1), "default")
                    .credit("bank", "loan", LocalDate.of(2026, 1, 1), "written_off")
                    .credit("bank", "loan", null, "default"));
            assertTag("AAA", 90.0, tag);
            assertTrue(tag.reason().contains("no third-party records; internal history only"), tag.reason());
        }
    }

    @Nested
    class MissingData {
        @Test
        void nothingAtAllIsUnknown() {
            TagValue tag = tag(Snapshots.resident().opened(LONG_AGO));
            assertTrue(tag.isUnknown());
            assertEquals(0, tag.score());
            assertEquals("no bill, payment, recharge or meter trip in the 12 months to 2026-06-30 and no third-party "
                    + "credit record in the 24 months before", tag.reason());
        }

        @Test
        void historyAndRecordsOutsideTheirWindowsAreUnknown() {
            TagValue tag = tag(Snapshots.prepaid().opened(LONG_AGO)
                    .recharge(LocalDateTime.of(2025, 6, 30, 23, 59), true)
                    .trip(LocalDateTime.of(2025, 6, 30, 12, 0))
                    .recharge(LocalDateTime.of(2026, 7, 1, 0, 0), false)
                    .billDue(LocalDate.of(2025, 6, 30), "100.00", null, "100.00")
                    .payment(LocalDate.of(2025, 6, 30))
                    .credit("bank", "loan", LocalDate.of(2024, 6, 30), "default"));
            assertTrue(tag.isUnknown(), tag.reason());
        }

        @Test
        void paymentsWithoutBillsStillTellSomething() {
            TagValue tag = tag(Snapshots.resident().opened(TEN_YEARS).payment(LocalDate.of(2025, 6, 30))
                    .payment(LocalDate.of(2025, 7, 1)).payment(LocalDate.of(2026, 6, 30)));
            assertTag("AA", 85.0, tag);
            assertTrue(tag.reason().startsWith("no bill due in the 12 months, 2 payments; account 10 years old;"),
                    tag.reason());
        }

        @Test
        void reasonsNeverShowIdOrPhone() {
            for (Snapshots customer : new Snapshots[] {punctualOldResident(), Snapshots.resident(),
                    Snapshots.resident().credit("bank", "loan", LocalDate.of(2026, 1, 1), "default")}) {
                String reason = tag(customer).reason();
                assertFalse(reason.contains(Snapshots.MASKED_ID) || reason.contains(Snapshots.MASKED_PHONE)
                        || reason.contains("3700012345"), reason);
            }
        }
    }

    @Nested
    class Window {
        @Test
        void billsCountByDueDateWithinTheTwelveMonths() {
            // due the day before the window, 90 days late: ignored; due on its first day, on time: counted
            TagValue tag = tag(Snapshots.resident()
                    .billDue(LocalDate.of(2025, 6, 30), "100.00", LocalDate.of(2025, 9, 28), "0")
                    .billDue(LocalDate.of(2025, 7, 1), "100.00", LocalDate.of(2025, 7, 1), "0")
                    .billDue(LocalDate.of(2026, 7, 15), "100.00", null, "100.00"));
            assertTag("AA", 80.0, tag);
            assertTrue(tag.reason().startsWith("the 1 bill paid on time;"), tag.reason());
        }

        @Test
        void aBillSettledAfterTheTaggingDateWasOwedOnIt() {
            // due 2026-06-15, settled 2026-07-10: 15 days late and 100 of 1200 owed on 2026-06-30
            // 80 - 30/12 - 0.2 x 15 - 8 - 20 x 100/1200 = 64.83
            TagValue tag = tag(Snapshots.resident().bills(FIRST_BILL, 11, "100.00", 0)
                    .bill(YearMonth.of(2026, 5), "100.00", LocalDate.of(2026, 7, 10), "0"));
            assertTag("B", 64.8, tag);
            assertTrue(tag.reason().startsWith("1 of 12 bills paid late (max 15 days); 1 month in arrears, 100.00 yuan "
                    + "outstanding;"), tag.reason());
        }

        @Test
        void aBillDueOnTheTaggingDateIsNotInArrears() {
            TagValue tag = tag(Snapshots.resident().bills(FIRST_BILL, 11, "100.00", 0)
                    .billDue(AS_OF, "100.00", null, "100.00"));
            assertTag("AA", 80.0, tag);
        }

        @Test
        void meterTripsCountWithinTheTwelveMonthsInChinaStandardTime() {
            TagValue tag = tag(Snapshots.prepaid().monthlyRecharges(YearMonth.of(2025, 7), 12)
                    .trip(LocalDateTime.of(2025, 6, 30, 23, 59, 59))
                    .trip(LocalDateTime.of(2025, 7, 1, 0, 0))
                    .trip(LocalDateTime.of(2026, 6, 30, 23, 59, 59))
                    .trip(LocalDateTime.of(2026, 7, 1, 0, 0)));
            assertTag("A", 74.0, tag);
            assertTrue(tag.reason().startsWith("12 recharges, 2 meter trips;"), tag.reason());
        }

        @Test
        void anotherDateGivesAnotherWindow() {
            CustomerSnapshot customer = Snapshots.resident().opened(LONG_AGO).bills(FIRST_BILL, 12, "100.00", 0).build();
            // a year later no bill is due in the window any more
            assertTrue(model.evaluate(customer, AS_OF.plusYears(1)).isUnknown());
            assertEquals("AAA", model.evaluate(customer, AS_OF).value());
        }
    }
}
