package org.smarthall.api.event;

/**
 * EventAdmin topics of the hall's domain events, all under {@code org/smarthall/}.
 * Device readings (a card read, a key pressed) have their own topics in the device API;
 * the cabins turn those into the domain events here.
 */
public final class HallTopics {
    public static final String PREFIX = "org/smarthall/";

    /** A visitor or customer entered a functional zone of a hall (point data). */
    public static final String ZONE_ENTERED = PREFIX + "hall/ZONE_ENTERED";
    /** A visitor or customer left a zone. */
    public static final String ZONE_LEFT = PREFIX + "hall/ZONE_LEFT";
    /** An identity card swipe was matched (or not) to a customer and a portrait built. */
    public static final String CUSTOMER_IDENTIFIED = PREFIX + "hall/CUSTOMER_IDENTIFIED";
    /** A queue ticket was taken at the dispenser, remotely or from an appointment. */
    public static final String TICKET_TAKEN = PREFIX + "queue/TICKET_TAKEN";
    /** A ticket was called to a window. */
    public static final String TICKET_CALLED = PREFIX + "queue/TICKET_CALLED";
    /** Service of a ticket was completed at a window. */
    public static final String TICKET_SERVED = PREFIX + "queue/TICKET_SERVED";
    /** A customer rated a served ticket. */
    public static final String RATING_GIVEN = PREFIX + "queue/RATING_GIVEN";
    /** A prepaid customer's remote recharge failed. */
    public static final String RECHARGE_FAILED = PREFIX + "prepaid/RECHARGE_FAILED";
    /** A prepaid meter's balance fell below the trip threshold. */
    public static final String METER_TRIPPED = PREFIX + "prepaid/METER_TRIPPED";
    /** A notification reached its channel's provider (or was confirmed delivered). */
    public static final String MESSAGE_DELIVERED = PREFIX + "notify/MESSAGE_DELIVERED";
    /** A job changed state (started, succeeded, failed, cancelled). */
    public static final String JOB_STATE_CHANGED = PREFIX + "jobs/STATE_CHANGED";

    private HallTopics() {
    }
}
