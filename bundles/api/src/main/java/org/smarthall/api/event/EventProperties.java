package org.smarthall.api.event;

/** Property keys shared by the events on {@link HallTopics}. Values are strings unless noted. */
public final class EventProperties {
    public static final String HALL = "hall";
    public static final String ZONE = "zone";
    /** Account number of a known customer; absent for an anonymous visitor. */
    public static final String ACCOUNT = "account";
    /** Visit id joining the points of one trajectory. */
    public static final String VISIT = "visit";
    /** The sensor's id of a visitor in a hall (badge, ticket, anonymous track). */
    public static final String VISITOR = "visitor";
    /** What happened: {@code enter}, {@code leave} or a touchpoint code. */
    public static final String KIND = "kind";
    /** Business code, window or score of a touchpoint. */
    public static final String DETAIL = "detail";
    /**
     * {@link Boolean#TRUE} on a zone event SmartHall has already stored (posted after a REST or
     * import ingest), so that the listener storing sensor events does not store it again.
     */
    public static final String RECORDED = "recorded";
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
