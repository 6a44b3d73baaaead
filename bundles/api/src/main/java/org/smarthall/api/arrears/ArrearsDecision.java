package org.smarthall.api.arrears;

import java.util.List;

/**
 * What the policy decided.
 *
 * @param actions          in the order staff should offer them
 * @param businessAccepted whether the requested business may go ahead now
 * @param reason           human-readable, shown to staff
 */
public record ArrearsDecision(List<ArrearsAction> actions, boolean businessAccepted, String reason) {
    public ArrearsDecision {
        actions = List.copyOf(actions);
    }
}
