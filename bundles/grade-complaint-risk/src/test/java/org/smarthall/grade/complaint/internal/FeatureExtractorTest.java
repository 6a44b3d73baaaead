package org.smarthall.grade.complaint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.grade.complaint.internal.History.at;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.WorkOrderKind;

/** Features at the test cut 2026-04-01: nothing after the end of that day may show. */
class FeatureExtractorTest {
    private static final LocalDate CUT = LocalDate.of(2026, 4, 1);
    private final FeatureExtractor extractor = new FeatureExtractor();

    private double feature(History h, Feature f) {
        return extractor.features(h.build(), CUT)[f.ordinal()];
    }

    @Test
    void aComplaintOnTheCutDateIsAFeatureTheNextDayALabel() {
        History lastMinute = History.resident().order(WorkOrderKind.COMPLAINT, "2026-04-01T23:59");
        assertEquals(1, feature(lastMinute, Feature.COMPLAINTS_90));
        assertFalse(extractor.complainsAfter(lastMinute.build(), CUT, 90));

        History nextDay = History.resident().order(WorkOrderKind.COMPLAINT, "2026-04-02T00:00");
        assertEquals(0, feature(nextDay, Feature.COMPLAINTS_90));
        assertEquals(0, feature(nextDay, Feature.COMPLAINTS_180));
        assertTrue(extractor.complainsAfter(nextDay.build(), CUT, 90));
    }

    @Test
    void theLabelWindowIsTheNinetyDaysAfterTheCut() {
        // 2026-04-01 + 90 days = 2026-06-30
        assertTrue(extractor.complainsAfter(History.resident().order(WorkOrderKind.COMPLAINT, "2026-06-30T23:59").build(),
                CUT, 90));
        assertFalse(extractor.complainsAfter(History.resident().order(WorkOrderKind.COMPLAINT, "2026-07-01T00:00").build(),
                CUT, 90));
        assertFalse(extractor.complainsAfter(History.resident().order(WorkOrderKind.REPAIR, "2026-05-01T10:00").build(),
                CUT, 90));
    }

    @Test
    void ordersCountInTheNinetyAndTheHundredEightyDaysToTheCut() {
        // 90 days to 2026-04-01 start on 2026-01-02; 180 days on 2025-10-04
        History h = History.resident().order(WorkOrderKind.REPAIR, "2026-01-02T00:00")
                .order(WorkOrderKind.REPAIR, "2026-01-01T23:59").order(WorkOrderKind.REPAIR, "2025-10-04T00:00")
                .order(WorkOrderKind.REPAIR, "2025-10-03T23:59").order(WorkOrderKind.ENQUIRY, "2026-03-01T09:00")
                .order(WorkOrderKind.FAILED_PURCHASE, "2026-02-01T21:00")
                .order(WorkOrderKind.NEW_CONNECTION, "2026-02-01T09:00");
        double[] x = extractor.features(h.build(), CUT);
        assertEquals(1, x[Feature.REPAIRS_90.ordinal()]);
        assertEquals(3, x[Feature.REPAIRS_180.ordinal()]);
        assertEquals(1, x[Feature.ENQUIRIES_90.ordinal()]);
        assertEquals(1, x[Feature.FAILED_PURCHASES_180.ordinal()]);
        assertEquals(0, x[Feature.COMPLAINTS_180.ordinal()]);
    }

    @Test
    void whatHappenedAfterTheCutIsNotKnownAtIt() {
        History h = History.resident()
                // resolved after the cut: unresolved at it, and its satisfaction not yet given
                .order(WorkOrderKind.REPAIR, at("2026-03-30T10:00"), at("2026-04-02T10:00"), 1)
                // resolved before: its bad score counts
                .order(WorkOrderKind.REPAIR, at("2026-03-01T10:00"), at("2026-03-02T10:00"), 2)
                // never resolved
                .order(WorkOrderKind.ENQUIRY, at("2025-12-01T10:00"), null, null)
                .rating(at("2026-04-01T18:00"), 1).rating(at("2026-04-02T08:00"), 1).rating(at("2026-03-01T08:00"), 3)
                .trip(at("2026-04-02T01:00")).trip(at("2026-03-15T01:00"))
                .recharge(at("2026-04-03T01:00"), false).recharge(at("2026-03-15T02:00"), false);
        double[] x = extractor.features(h.build(), CUT);
        assertEquals(2, x[Feature.UNRESOLVED_ORDERS.ordinal()]);
        assertEquals(2, x[Feature.DISSATISFIED_180.ordinal()]);
        assertEquals(1, x[Feature.TRIPS_90.ordinal()]);
        assertEquals(1, x[Feature.FAILED_RECHARGES_180.ordinal()]);
    }

    @Test
    void billsAsTheyStoodAtTheCut() {
        History h = History.resident()
                // due 2026-01-15, paid on time
                .bill("2025-12", "100.00", LocalDate.of(2026, 1, 10), "0")
                // due 2026-02-15, paid late but before the cut
                .bill("2026-01", "100.00", LocalDate.of(2026, 3, 1), "0")
                // due 2026-03-15, paid after the cut: in arrears at it, its whole amount owed
                .bill("2026-02", "120.00", LocalDate.of(2026, 4, 20), "0")
                // due 2026-04-15, after the cut: not yet due
                .bill("2026-03", "150.00", null, "150.00")
                // due 2025-11-15, still partly unpaid: 30 owed
                .bill("2025-10", "90.00", null, "30.00");
        double[] x = extractor.features(h.build(), CUT);
        assertEquals(3, x[Feature.LATE_BILLS_180.ordinal()]);
        assertEquals(2, x[Feature.ARREARS_MONTHS.ordinal()]);
        assertEquals(150.0, Math.expm1(x[Feature.OUTSTANDING.ordinal()]), 1e-9);
    }

    @Test
    void kindAndAccountAge() {
        CustomerSnapshot enterprise = new History("3700000002", CustomerKind.ENTERPRISE)
                .opened(LocalDate.of(2016, 4, 1)).build();
        double[] x = extractor.features(enterprise, CUT);
        assertEquals(1, x[Feature.KIND_ENTERPRISE.ordinal()]);
        assertEquals(0, x[Feature.KIND_RESIDENT.ordinal()]);
        assertEquals(10.0, x[Feature.ACCOUNT_AGE.ordinal()], 0.01);
        assertEquals(0, x[Feature.ACCOUNT_AGE_UNKNOWN.ordinal()]);

        double[] unknownAge = extractor.features(History.resident().opened(null).build(), CUT);
        assertEquals(0, unknownAge[Feature.ACCOUNT_AGE.ordinal()]);
        assertEquals(1, unknownAge[Feature.ACCOUNT_AGE_UNKNOWN.ordinal()]);

        assertTrue(extractor.existsAt(History.resident().opened(CUT).build(), CUT));
        assertFalse(extractor.existsAt(History.resident().opened(CUT.plusDays(1)).build(), CUT));
        assertTrue(extractor.existsAt(History.resident().opened(null).build(), CUT));
    }
}
