package org.smarthall.api.rescue;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Thresholds and cadence of the prepaid purchase-rescue chain. Register with
 * {@code @SmartHallPlugin(kind = PluginKind.POLICY, id = "rescue-...")}.
 */
@ConsumerType
public interface RescuePolicy {

    String id();

    TripClass classify(int tripsLast12Months);

    /** What to do about a balance reading (nothing, ask consent, remind). */
    List<RescueAction> onBalance(PrepaidState state);

    /** What to do when a remote purchase failed (notify customer and manager, call back). */
    List<RescueAction> onPurchaseFailed(PrepaidState state);
}
