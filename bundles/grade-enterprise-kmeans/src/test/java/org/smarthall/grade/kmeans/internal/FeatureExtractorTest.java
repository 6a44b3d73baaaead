package org.smarthall.grade.kmeans.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.grade.kmeans.internal.Enterprises.AS_OF;
import static org.smarthall.grade.kmeans.internal.Enterprises.LAST;
import static org.smarthall.grade.kmeans.internal.Enterprises.enterprise;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The six features from hand-made histories. */
class FeatureExtractorTest {
    private final FeatureExtractor extractor = new FeatureExtractor(IndustryTable.parse(IndustryTable.DEMO + ", C=0.5/0.5, C391=0.9/0.1"));

    private EnterpriseFeatures features(Enterprises e) {
        return extractor.extract(e.build(), AS_OF);
    }

    @Test
    void aSteadyEnterpriseWithCleanBills() {
        EnterpriseFeatures f = features(enterprise().industry("C34").opened(LocalDate.of(2016, 10, 31))
                .consumption(100_000, 100_000).bills(0, 0));
        assertTrue(f.complete());
        assertEquals(3652 / 365.25, f.value(Feature.ACCOUNT_AGE), 1e-12); // 2020 and 2024 are leap years
        assertEquals(Math.log10(1 + 1_200_000), f.value(Feature.CONSUMPTION_LEVEL), 1e-12);
        assertEquals(0, f.value(Feature.GROWTH), 1e-12);
        assertEquals(0, f.growthRate(), 1e-12);
        assertEquals(0.60, f.value(Feature.PROSPERITY));
        assertEquals(0.35, f.value(Feature.DIRECT_PURCHASE));
        assertEquals(100, f.value(Feature.CREDIT));
    }

    @Test
    void growthIsTheLatestSixMonthsAgainstTheSixBefore() {
        // +50%: symmetric change 50 / 250 = 0.2, plain rate 0.5
        EnterpriseFeatures f = features(enterprise().consumption(100_000, 150_000).bills(0, 0));
        assertEquals(0.2, f.value(Feature.GROWTH), 1e-12);
        assertEquals(0.5, f.growthRate(), 1e-12);
        assertEquals(Math.log10(1 + 1_500_000), f.value(Feature.CONSUMPTION_LEVEL), 1e-12);
        // halved: -50 / 150
        assertEquals(-1.0 / 3, features(enterprise().consumption(100_000, 50_000)).value(Feature.GROWTH), 1e-12);
    }

    @Test
    void levelIsTheMeanOfMeteredMonthsTimesTwelve() {
        Enterprises e = enterprise();
        for (int age = 0; age < 12; age++) {
            e.month(LAST.minusMonths(age), age % 2 == 0 ? 1000.0 : null);
        }
        EnterpriseFeatures f = features(e);
        assertEquals(Math.log10(1 + 12_000), f.value(Feature.CONSUMPTION_LEVEL), 1e-12);
        assertEquals(0, f.value(Feature.GROWTH), 1e-12);
        // months outside the window do not count
        e.month(LAST.plusMonths(1), 1e9).month(LAST.minusMonths(12), 1e9);
        assertEquals(Math.log10(1 + 12_000), features(e).value(Feature.CONSUMPTION_LEVEL), 1e-12);
    }

    @Test
    void tooFewMeteredMonthsLeaveLevelAndGrowthMissing() {
        Enterprises e = enterprise();
        for (int age = 0; age < 5; age++) {
            e.month(LAST.minusMonths(age), 1000.0);
        }
        EnterpriseFeatures f = features(e);
        assertTrue(f.missing(Feature.CONSUMPTION_LEVEL));
        assertEquals("5 of the 12 months to 2026-10-31 metered, 6 needed", f.why(Feature.CONSUMPTION_LEVEL));
        assertTrue(f.missing(Feature.GROWTH));
        assertEquals("5 of the latest 6 and 0 of the 6 months before them metered, 3 of each needed",
                f.why(Feature.GROWTH));
    }

    @Test
    void growthFromNothingIsOneWithoutAPlainRate() {
        EnterpriseFeatures f = features(enterprise().consumption(0, 1000));
        assertEquals(1, f.value(Feature.GROWTH), 1e-12);
        assertNull(f.growthRate());
        EnterpriseFeatures none = features(enterprise().consumption(0, 0));
        assertTrue(none.missing(Feature.GROWTH));
        assertEquals("no consumption in the 12 months to 2026-10-31", none.why(Feature.GROWTH));
        assertEquals(0, none.value(Feature.CONSUMPTION_LEVEL));
    }

    @Test
    void industryByLongestPrefix() {
        assertEquals(0.85, features(enterprise().industry("C39")).value(Feature.PROSPERITY));
        assertEquals(0.85, features(enterprise().industry("c3921")).value(Feature.PROSPERITY));
        assertEquals(0.9, features(enterprise().industry("C3912")).value(Feature.PROSPERITY));
        assertEquals(0.5, features(enterprise().industry("C40")).value(Feature.DIRECT_PURCHASE));
        EnterpriseFeatures unknown = features(enterprise().industry("B06"));
        assertTrue(unknown.missing(Feature.PROSPERITY));
        assertTrue(unknown.missing(Feature.DIRECT_PURCHASE));
        assertEquals("industry B06 not in the industry table", unknown.why(Feature.PROSPERITY));
        EnterpriseFeatures none = features(enterprise().industry(null));
        assertEquals("industry code not given", none.why(Feature.DIRECT_PURCHASE));
    }

    @Test
    void accountAgeMissingWithoutOrAfterTheOpeningDate() {
        assertEquals("opening date not given", features(enterprise().opened(null)).why(Feature.ACCOUNT_AGE));
        assertEquals("opened 2026-11-01, after 2026-10-31",
                features(enterprise().opened(LocalDate.of(2026, 11, 1))).why(Feature.ACCOUNT_AGE));
        assertEquals(0, features(enterprise().opened(AS_OF)).value(Feature.ACCOUNT_AGE));
    }

    @Test
    void creditFromLateBillsArrearsAndTheFeed() {
        // 11 bills due by the 31st of October (October's is due in November)
        assertEquals(100 - 40.0 * 2 / 11, features(enterprise().bills(2, 0)).value(Feature.CREDIT), 1e-9);
        // an unpaid bill is late as well as in arrears
        assertEquals(100 - 40.0 * 3 / 11 - 30, features(enterprise().bills(0, 3)).value(Feature.CREDIT), 1e-9);
        assertEquals(100 - 40.0 * 4 / 11 - 30, features(enterprise().bills(0, 4)).value(Feature.CREDIT), 1e-9);
        Enterprises feed = enterprise().bills(0, 0).credit("default", AS_OF.minusMonths(3))
                .credit("overdue", AS_OF.minusMonths(20)).credit("normal", AS_OF.minusMonths(2))
                // too old and too new: not counted
                .credit("default", AS_OF.minusMonths(25)).credit("default", AS_OF.plusDays(1));
        assertEquals(80, features(feed).value(Feature.CREDIT), 1e-9);
        Enterprises worst = enterprise().bills(11, 11);
        for (int i = 0; i < 5; i++) {
            worst.credit("default", AS_OF.minusMonths(1));
        }
        assertEquals(0, features(worst).value(Feature.CREDIT));
    }

    @Test
    void creditMissingWithoutABillDue() {
        EnterpriseFeatures f = features(enterprise().consumption(1000, 1000).noBills()
                .credit("default", AS_OF.minusMonths(1)));
        assertTrue(f.missing(Feature.CREDIT));
        assertEquals("no bill of the 12 months to 2026-10-31 due by then", f.why(Feature.CREDIT));
        assertFalse(f.complete());
        assertEquals(Feature.CREDIT, f.firstMissing().orElseThrow());
    }
}
