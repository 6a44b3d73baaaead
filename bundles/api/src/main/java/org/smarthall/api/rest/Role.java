package org.smarthall.api.rest;

import java.util.List;

/**
 * The JAAS roles SmartHall knows. {@code admin} may do everything; the others get what their
 * work needs.
 */
public final class Role {
    /** Provincial IT: features, configuration, every endpoint. */
    public static final String ADMIN = "admin";
    /** Runs a hall: slots and quotas, windows, the hall's figures. */
    public static final String HALL_MANAGER = "hall-manager";
    /** Counter and guidance staff: queue, portraits, business handling. */
    public static final String HALL_STAFF = "hall-staff";
    /** Serves key accounts: grades, demands, service records. */
    public static final String ACCOUNT_MANAGER = "account-manager";
    /** Runs tagging and grading, reads distributions and plugins. */
    public static final String ANALYST = "analyst";
    /** A self-service terminal or dispenser: takes tickets, looks up by ID card. */
    public static final String KIOSK = "kiosk";

    public static final List<String> ALL = List.of(ADMIN, HALL_MANAGER, HALL_STAFF, ACCOUNT_MANAGER, ANALYST, KIOSK);

    private Role() {
    }
}
