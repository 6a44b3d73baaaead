package org.smarthall.demo.internal;

/**
 * How many customers of each kind a province of {@code residents} residents has.
 * <p>
 * Residents are mostly on prepaid smart meters (seed 000): 70% prepaid, 30% post-paid. One
 * enterprise for every 50 residents and one government body for every 400, at least a few of
 * each so a small province still has key accounts to grade.
 */
record Composition(int residents, int prepaid, int postpaid, int enterprises, int government) {
    static final double PREPAID_SHARE = 0.70;
    static final int RESIDENTS_PER_ENTERPRISE = 50;
    static final int RESIDENTS_PER_GOVERNMENT_BODY = 400;
    static final int MIN_ENTERPRISES = 5;
    static final int MIN_GOVERNMENT_BODIES = 3;
    /** The survey of seed 002 asked 2,000 customers. */
    static final int SURVEY_SIZE = 2_000;

    static Composition of(int residents) {
        int prepaid = (int) Math.round(residents * PREPAID_SHARE);
        return new Composition(residents, prepaid, residents - prepaid,
                Math.max(MIN_ENTERPRISES, residents / RESIDENTS_PER_ENTERPRISE),
                Math.max(MIN_GOVERNMENT_BODIES, residents / RESIDENTS_PER_GOVERNMENT_BODY));
    }

    int customers() {
        return residents + enterprises + government;
    }

    int surveyRespondents() {
        return Math.min(SURVEY_SIZE, customers());
    }
}
