package org.smarthall.cabin.guidance;

/**
 * Properties of the {@link org.smarthall.api.event.HallTopics#CUSTOMER_IDENTIFIED} event the
 * guidance cabin posts once per card swipe, after the portrait is built.
 */
public final class GuidanceEvents {
    /** Hall id (String). */
    public static final String HALL = org.smarthall.api.event.EventProperties.HALL;
    /** The card reader's device id (String). */
    public static final String DEVICE = "device";
    /** Primary account of the customer (String); absent for a visitor. */
    public static final String ACCOUNT = org.smarthall.api.event.EventProperties.ACCOUNT;
    /** {@link Boolean#TRUE} when no customer matched the card (or the card's number did not check). */
    public static final String VISITOR = "visitor";
    /**
     * {@link Long} epoch milliseconds of the card event's {@code timestamp}: when the first byte of
     * the card's answer came off the wire.
     */
    public static final String CARD_TIMESTAMP = "cardTimestamp";
    /** {@link Long} epoch milliseconds when the portrait was ready, just before the event was posted. */
    public static final String PORTRAIT_AT = "portraitAt";
    /** The {@link Portrait}. */
    public static final String PORTRAIT = "portrait";

    private GuidanceEvents() {
    }
}
