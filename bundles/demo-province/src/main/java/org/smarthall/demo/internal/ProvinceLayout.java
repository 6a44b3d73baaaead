package org.smarthall.demo.internal;

import org.smarthall.api.customer.CustomerKind;

/**
 * Which customer is what: kind, account number, planned meter trips, survey answer. Each is a
 * function of the customer's index alone (through keyed permutations), so quotas are exact and
 * customers of every kind are scattered through the file, yet nothing needs a table in memory.
 */
final class ProvinceLayout {
    /**
     * Prepaid customers by meter trips planned in 12 months (seed 003): 50% none, 19% one, 31%
     * two or more (15% two, 8% three, 5% four, 3% five).
     */
    static final double[] TRIP_SHARES = {0.50, 0.19, 0.15, 0.08, 0.05, 0.03};
    /** Survey answers of seed 002: satisfied, neutral, dissatisfied. */
    static final double[] SURVEY_SHARES = {0.52, 0.41, 0.07};

    private final Composition composition;
    private final IndexPermutation kinds;
    private final IndexPermutation accounts;
    private final IndexPermutation survey;
    private final int[] tripBounds;
    private final int[] surveyBounds;

    ProvinceLayout(Composition composition, long seed) {
        this.composition = composition;
        this.kinds = new IndexPermutation(composition.customers(), Seeds.key(seed, Seeds.LAYOUT, 1));
        this.accounts = new IndexPermutation(100_000_000L, Seeds.key(seed, Seeds.LAYOUT, 2));
        this.survey = new IndexPermutation(composition.customers(), Seeds.key(seed, Seeds.LAYOUT, 3));
        this.tripBounds = bounds(composition.prepaid(), TRIP_SHARES);
        this.surveyBounds = bounds(composition.surveyRespondents(), SURVEY_SHARES);
    }

    /** Cumulative quotas, each rounded, the last one taking the rest: exact up to rounding. */
    static int[] bounds(int total, double[] shares) {
        int[] bounds = new int[shares.length];
        double cumulative = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            cumulative += shares[i];
            bounds[i] = (int) Math.round(total * cumulative);
        }
        bounds[shares.length - 1] = total;
        return bounds;
    }

    int customers() {
        return composition.customers();
    }

    Composition composition() {
        return composition;
    }

    CustomerKind kind(int index) {
        long slot = kinds.apply(index);
        if (slot < composition.prepaid()) {
            return CustomerKind.PREPAID_RESIDENT;
        }
        slot -= composition.prepaid();
        if (slot < composition.postpaid()) {
            return CustomerKind.RESIDENT;
        }
        slot -= composition.postpaid();
        return slot < composition.enterprises() ? CustomerKind.ENTERPRISE : CustomerKind.GOVERNMENT;
    }

    /** "37" (Shandong) and eight digits, unique per customer. */
    String account(int index) {
        long digits = accounts.apply(index);
        char[] account = {'3', '7', '0', '0', '0', '0', '0', '0', '0', '0'};
        for (int i = 9; i >= 2; i--) {
            account[i] = (char) ('0' + digits % 10);
            digits /= 10;
        }
        return new String(account);
    }

    /**
     * Meter trips planned for a prepaid customer in the 12 months: 0 to 5. The prepaid slots are
     * already in random order, so their ranges make the quota.
     */
    int plannedTrips(int index) {
        long slot = kinds.apply(index);
        if (slot >= composition.prepaid()) {
            throw new IllegalArgumentException("customer " + index + " is not prepaid");
        }
        return bucket(slot, tripBounds);
    }

    /**
     * The customer's answer to the satisfaction survey: 0 satisfied, 1 neutral, 2 dissatisfied,
     * or -1 when the customer was not asked.
     */
    int surveyAnswer(int index) {
        long slot = survey.apply(index);
        return slot < composition.surveyRespondents() ? bucket(slot, surveyBounds) : -1;
    }

    private static int bucket(long slot, int[] bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (slot < bounds[i]) {
                return i;
            }
        }
        throw new IllegalStateException("slot " + slot + " beyond " + bounds[bounds.length - 1]);
    }
}
