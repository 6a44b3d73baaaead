package org.smarthall.grade.complaint.internal;

import static org.smarthall.grade.complaint.internal.History.AS_OF;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.CustomerKind;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.WorkOrderKind;
import org.smarthall.api.grading.Population;

/**
 * A population whose complaints follow a known rule, generated afresh on every scan from a seed
 * (as the store streams it: the same customers in the same order, none held in memory).
 *
 * <p>The 12 months before {@link History#AS_OF} fall into quarters ending at 2025-10-03,
 * 2026-01-01 (the training cut), 2026-04-01 (the test cut) and 2026-06-30. In each quarter a
 * customer is <i>troubled</i> with probability {@code troubled}: 2 or 3 failed purchases and a
 * dissatisfied rating (1 or 2) in that quarter. A customer complains in a quarter with probability
 * {@code afterTrouble} when troubled in the quarter before, {@code otherwise} if not. Everyone
 * also has background enquiries, repairs and good ratings, and a kind and an account age.
 *
 * <p>With {@code leaky} the complaints come with tell-tales right after them (a rating of 1 the
 * next day, the work order unresolved or resolved with satisfaction 1 a week later): a model that
 * saw past its cut date would find them.
 */
final class Synthetic implements Population {
    private static final int QUARTER_DAYS = 90;
    /** The first days of the four quarters: each the day after the end of the one before. */
    private static final LocalDate[] QUARTERS = {AS_OF.minusDays(359), AS_OF.minusDays(269), AS_OF.minusDays(179),
            AS_OF.minusDays(89)};

    private final int size;
    private final long seed;
    private final double troubled;
    private final double afterTrouble;
    private final double otherwise;
    private boolean leaky;
    int scans;

    Synthetic(int size, long seed, double troubled, double afterTrouble, double otherwise) {
        this.size = size;
        this.seed = seed;
        this.troubled = troubled;
        this.afterTrouble = afterTrouble;
        this.otherwise = otherwise;
    }

    /** The rule: 2 or more failed purchases and a dissatisfied rating make a complaint likely (0.6, else 0.02). */
    static Synthetic signal(int size, long seed) {
        return new Synthetic(size, seed, 0.15, 0.6, 0.02);
    }

    /** Complaints at random, whatever the customer went through. */
    static Synthetic noise(int size, long seed, double rate) {
        return new Synthetic(size, seed, 0.15, rate, rate);
    }

    Synthetic leaky() {
        this.leaky = true;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void forEach(Consumer<CustomerSnapshot> action) {
        scans++;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            action.accept(customer(i, r.split()));
        }
    }

    private CustomerSnapshot customer(int i, SplittableRandom r) {
        double k = r.nextDouble();
        CustomerKind kind = k < 0.5 ? CustomerKind.RESIDENT : k < 0.85 ? CustomerKind.PREPAID_RESIDENT
                : k < 0.95 ? CustomerKind.ENTERPRISE : CustomerKind.GOVERNMENT;
        History h = new History(String.format("37%08d", i), kind);
        double o = r.nextDouble();
        h.opened(o < 0.05 ? null : o < 0.07 ? AS_OF.minusDays(r.nextInt(1, 170))
                : LocalDate.of(2005, 1, 1).plusDays(r.nextInt(0, 7300)));
        for (int n = r.nextInt(0, 3); n > 0; n--) {
            Instant at = within(r, QUARTERS[0], 360);
            h.order(WorkOrderKind.ENQUIRY, at, at.plusSeconds(r.nextInt(600, 86_400)), null);
        }
        if (r.nextDouble() < 0.3) {
            Instant at = within(r, QUARTERS[0], 360);
            h.order(WorkOrderKind.REPAIR, at, at.plusSeconds(r.nextInt(3_600, 5 * 86_400)), 3 + r.nextInt(3));
        }
        for (int n = r.nextInt(0, 3); n > 0; n--) {
            h.rating(within(r, QUARTERS[0], 360), 3 + r.nextInt(3));
        }
        boolean troubledBefore = false;
        for (LocalDate quarter : QUARTERS) {
            if (r.nextDouble() < (troubledBefore ? afterTrouble : otherwise)) {
                Instant at = within(r, quarter, QUARTER_DAYS);
                if (leaky) {
                    boolean resolved = r.nextBoolean();
                    h.order(WorkOrderKind.COMPLAINT, at, resolved ? at.plusSeconds(7 * 86_400) : null, resolved ? 1 : null);
                    h.rating(at.plusSeconds(86_400), 1);
                } else {
                    h.order(WorkOrderKind.COMPLAINT, at, at.plusSeconds(2 * 86_400), 2 + r.nextInt(4));
                }
            }
            troubledBefore = r.nextDouble() < troubled;
            if (troubledBefore) {
                for (int n = 2 + r.nextInt(2); n > 0; n--) {
                    Instant at = within(r, quarter, QUARTER_DAYS);
                    h.order(WorkOrderKind.FAILED_PURCHASE, at, at.plusSeconds(r.nextInt(600, 86_400)), null);
                }
                h.rating(within(r, quarter, QUARTER_DAYS), 1 + r.nextInt(2));
            }
        }
        return h.build();
    }

    /** A random instant in the {@code days} days from the start of {@code first}. */
    private static Instant within(SplittableRandom r, LocalDate first, int days) {
        long from = first.atStartOfDay(Codes.TIME_ZONE).toEpochSecond();
        return Instant.ofEpochSecond(from + r.nextLong(days * 86_400L));
    }
}
