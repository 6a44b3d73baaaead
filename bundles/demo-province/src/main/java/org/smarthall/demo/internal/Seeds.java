package org.smarthall.demo.internal;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the province seed. Every customer, hall-day and
 * permutation draws from its own stream, so what one of them gets never depends on how many
 * numbers another one drew: a change to one history leaves the others as they were (save for
 * {@link FailedPurchaseQuota}, which counts across customers on purpose).
 */
final class Seeds {
    /** A customer's attributes and histories. */
    static final long CUSTOMER = 1;
    /** Where a customer lives: drawn apart so hall visitors can be matched to local customers cheaply. */
    static final long HOME = 2;
    /** One hall's visitors on one day. */
    static final long HALL_DAY = 3;
    /** Keys of the index permutations of {@link ProvinceLayout}. */
    static final long LAYOUT = 4;
    /** A customer's third-party credit records: a stream of its own, so the feed leaves the other files as they were. */
    static final long CREDIT = 5;
    /** Whose meter is bypassed near the end of the data ({@link MeterBypass}): a stream of its own, so the others stay as they were. */
    static final long BYPASS = 6;
    /** Whose pain points end in a follow-up complaint ({@link ServiceHistory}): a stream of its own, so the other files stay as they were. */
    static final long COMPLAINT = 7;

    private Seeds() {
    }

    static SplittableRandom random(long seed, long stream, long index) {
        return new SplittableRandom(key(seed, stream, index));
    }

    static long key(long seed, long stream, long index) {
        return mix64(mix64(seed ^ mix64(stream)) + 0x9E3779B97F4A7C15L * (index + 1));
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: the mixer SplittableRandom itself uses. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
