package org.smarthall.demo.internal;

/**
 * A keyed pseudo-random bijection of {@code [0, size)}, evaluated one index at a time: a
 * four-round Feistel network on the smallest even number of bits that covers {@code size},
 * walked along its cycle until the value falls inside the range.
 * <p>
 * It lets the generator give exact quotas (70% prepaid, 31% frequent trippers, 52% satisfied)
 * to customers scattered at random, while still computing any one customer on its own: no
 * table of all customers is ever held.
 */
final class IndexPermutation {
    private static final int ROUNDS = 4;

    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long key;

    IndexPermutation(long size, long key) {
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        this.size = size;
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
        this.key = key;
    }

    long apply(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        long x = index;
        do {
            x = encrypt(x);
        } while (x >= size);
        return x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (Seeds.mix64(right ^ key ^ (round + 1) * 0xD1B54A32D192ED03L) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
