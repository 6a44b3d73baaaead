package org.smarthall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smarthall.api.customer.Bill;
import org.smarthall.api.customer.MonthlyConsumption;
import org.smarthall.api.jobs.JobProgress;
import org.smarthall.api.jobs.Partition;
import org.smarthall.api.tag.TagValue;

/** The rules the contract's values enforce on their own. */
class ContractValuesTest {

    @Test
    void aTagAlwaysCarriesAReasonAndUnknownIsExplicit() {
        assertThrows(IllegalArgumentException.class, () -> new TagValue("fee-risk", "high", 0.9, " "));
        TagValue unknown = TagValue.unknown("fee-risk", "no bill in the last 12 months");
        assertTrue(unknown.isUnknown());
        assertEquals("unknown", unknown.value());
    }

    @Test
    void missingConsumptionStaysMissing() {
        assertNull(new MonthlyConsumption(YearMonth.of(2026, 1), null, null, null, null).totalKwh());
        assertEquals(150.0, new MonthlyConsumption(YearMonth.of(2026, 1), 50.0, null, 100.0, null).totalKwh());
    }

    @Test
    void lateDaysCountFromTheDueDate() {
        Bill paidLate = new Bill(YearMonth.of(2026, 3), new BigDecimal("120.50"), LocalDate.of(2026, 4, 15),
                LocalDate.of(2026, 4, 25), BigDecimal.ZERO);
        assertEquals(10, paidLate.lateDays(LocalDate.of(2026, 6, 1)));
        Bill unpaid = new Bill(YearMonth.of(2026, 3), new BigDecimal("120.50"), LocalDate.of(2026, 4, 15), null,
                new BigDecimal("120.50"));
        assertEquals(47, unpaid.lateDays(LocalDate.of(2026, 6, 1)));
        Bill early = new Bill(YearMonth.of(2026, 3), BigDecimal.TEN, LocalDate.of(2026, 4, 15), LocalDate.of(2026, 4, 1),
                BigDecimal.ZERO);
        assertEquals(0, early.lateDays(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void partitionsAreBoundedAndProgressIsAFraction() {
        assertThrows(IllegalArgumentException.class, () -> new Partition("", 1));
        assertThrows(IllegalArgumentException.class, () -> new Partition("x".repeat(201), 1));
        assertThrows(IllegalArgumentException.class, () -> new Partition("a", -1));
        assertEquals(0.25, new JobProgress(25, 100, 1, 4, 10, 7L).fraction());
        assertEquals(0, new JobProgress(0, 0, 0, 0, 0, null).fraction(), "planning: nothing to divide by");
    }

    @Test
    void invalidInputNamesEveryField() {
        InvalidInputException e = new InvalidInputException(List.of(new InvalidInputException.Violation("a", "x"),
                new InvalidInputException.Violation("b", "y")));
        assertEquals("a: x; b: y", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InvalidInputException(List.of()));
    }
}
