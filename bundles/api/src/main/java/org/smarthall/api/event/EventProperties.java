package org.smarthall.api.event;

/** Property keys shared by the events on {@link HallTopics}. Values are strings unless noted. */
public final class EventProperties {
    public static final String HALL = "hall";
    public static final String ZONE = "zone";
    /** Account number of a known customer; absent for an anonymous visitor. */
    public static final String ACCOUNT = "account";
    /** Visit id joining the points of one trajectory. */
    public static final String VISIT = "visit";
    public static final String TICKET = "ticket";
    public static final String WINDOW = "window";
    /** {@link Integer} from 1 (worst) to 5 (best). */
    public static final String RATING = "rating";
    public static final String MESSAGE_ID = "message.id";
    public static final String CHANNEL = "channel";
    public static final String JOB_ID = "job.id";
    public static final String JOB_TYPE = "job.type";
    public static final String STATE = "state";
    /** {@link Long} epoch milliseconds of the moment the event describes (not of its delivery). */
    public static final String TIMESTAMP = "timestamp";

    private EventProperties() {
    }
}
