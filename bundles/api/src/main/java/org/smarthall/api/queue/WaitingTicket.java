package org.smarthall.api.queue;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket waiting to be called.
 *
 * @param number       ticket number as printed, e.g. {@code A023}
 * @param businessType what the customer came for
 * @param taken        when the ticket was taken (arrival)
 * @param appointment  booked slot start, {@code null} for a walk-in
 * @param account      customer account when known, else {@code null}
 * @param flags        priority flags from tags and grades, see the constants
 */
public record WaitingTicket(String number, String businessType, Instant taken, Instant appointment, String account,
        Set<String> flags) {
    /** Quality customer (VIP grade). */
    public static final String FLAG_VIP = "vip";
    /** Purchase-rescue customer owed a priority "second service". */
    public static final String FLAG_RESCUE = "rescue";
    /** Sensitive customer: staff are flagged, the order is not changed by it alone. */
    public static final String FLAG_SENSITIVE = "sensitive";

    public WaitingTicket {
        flags = Set.copyOf(flags);
    }
}
