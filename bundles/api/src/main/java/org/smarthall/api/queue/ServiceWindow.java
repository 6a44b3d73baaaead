package org.smarthall.api.queue;

import java.util.Set;

/** A window that calls tickets, and the business types it handles. */
public record ServiceWindow(String hall, String id, WindowKind kind, Set<String> businessTypes) {
    public ServiceWindow {
        businessTypes = Set.copyOf(businessTypes);
    }
}
