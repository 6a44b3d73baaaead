package org.smarthall.api.arrears;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides how arrears are handled by risk. Register with
 * {@code @SmartHallPlugin(kind = PluginKind.POLICY, id = "arrears-...")}.
 */
@ConsumerType
public interface ArrearsPolicy {

    String id();

    ArrearsDecision decide(ArrearsCase arrearsCase);
}
