package org.smarthall.api.queue;

/** Kinds of service window in a hall. */
public enum WindowKind {
    COUNTER,
    /** VIP room or window for quality customers. */
    VIP,
    /** Priority window for purchase-rescue ("second service") customers. */
    PRIORITY,
    SELF_SERVICE
}
