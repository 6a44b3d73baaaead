package org.smarthall.api.queue;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides the calling order of a window. Register with
 * {@code @SmartHallPlugin(kind = PluginKind.POLICY, id = "queue-...")}; the queue cabin uses the
 * one its configuration names.
 */
@ConsumerType
public interface QueuePolicy {

    String id();

    /**
     * The tickets this window may serve, in the order it should call them; the first is called
     * next. Tickets of business types the window does not handle are left out.
     */
    List<WaitingTicket> order(ServiceWindow window, List<WaitingTicket> waiting, Instant now);
}
