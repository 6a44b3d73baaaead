package org.smarthall.demo.internal;

/**
 * Keeps failed remote purchases at their share of all work orders (seed 003: 458 of 27,438
 * tickets in half a year). Every other work order earns credit; the next failed remote purchase
 * after a whole credit has been earned becomes a {@code failed_purchase} ticket. Counting rather
 * than drawing keeps the share exact even in a small province, where a few dozen tickets would
 * otherwise swing it by a third.
 */
final class FailedPurchaseQuota {
    static final double SHARE = 458.0 / 27_438;

    /** Half a credit to start with: the count rounds instead of truncating. */
    private double credit = 0.5;

    void otherOrder() {
        credit += SHARE / (1 - SHARE);
    }

    /** Whether this failed purchase becomes a work order. */
    boolean claim() {
        if (credit >= 1) {
            credit -= 1;
            return true;
        }
        return false;
    }
}
