package org.smarthall.cabin.guidance.internal;

import java.math.BigDecimal;
import java.util.Set;

import org.smarthall.api.customer.CustomerKind;

/**
 * The knobs of {@link RouteAdvisor}, from the configuration.
 *
 * @param vipGrades             grades (of any model, lower case) that mean the VIP window
 * @param vipKinds              customer kinds served as key accounts at the VIP window
 * @param priorityTrips         trip classes (lower case) of prepaid customers sent to the priority window
 * @param selfServiceMaxArrears arrears a self-service terminal may take; more means a counter
 */
record RouteRules(Set<String> vipGrades, Set<CustomerKind> vipKinds, Set<String> priorityTrips,
        BigDecimal selfServiceMaxArrears) {
    RouteRules {
        vipGrades = Set.copyOf(vipGrades);
        vipKinds = Set.copyOf(vipKinds);
        priorityTrips = Set.copyOf(priorityTrips);
    }
}
