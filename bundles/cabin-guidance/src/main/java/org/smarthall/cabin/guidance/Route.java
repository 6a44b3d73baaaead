package org.smarthall.cabin.guidance;

import java.util.List;

/**
 * Where the guidance desk sends a customer, and why.
 *
 * @param kind            {@value #SELF_SERVICE}, {@value #COUNTER}, {@value #VIP_WINDOW} or {@value #PRIORITY_WINDOW}
 * @param reasons         why, for staff: what decided the route first, then what else staff should know
 * @param customerMessage what the customer may read on a kiosk or the guidance screen: the way to go,
 *                        never the cause (no arrears, no flags: the screen is seen by others)
 */
public record Route(String kind, List<Reason> reasons, String customerMessage) {
    public static final String SELF_SERVICE = "self-service";
    public static final String COUNTER = "counter";
    public static final String VIP_WINDOW = "vip-window";
    public static final String PRIORITY_WINDOW = "priority-window";

    public Route {
        reasons = List.copyOf(reasons);
    }

    /** The codes of the reasons, in order. */
    public List<String> codes() {
        return reasons.stream().map(Reason::code).toList();
    }

    /**
     * One reason.
     *
     * @param code stable, for programs: {@code arrears}, {@code open-work-orders}, {@code sensitive},
     *             {@code vip-grade}, {@code key-account}, {@code prepaid-trips}, {@code nothing-outstanding},
     *             {@code other-accounts}, {@code new-customer}, {@code id-not-verified}
     * @param text for staff, one line
     */
    public record Reason(String code, String text) {
    }
}
