package org.smarthall.cabin.guidance.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smarthall.api.customer.CustomerKind;

/**
 * What {@link RouteAdvisor} decides on: a customer as the portrait found them.
 *
 * @param kind              {@code null} for a visitor
 * @param arrears           on the primary account; {@code null} when nothing was billed
 * @param grades            model id to grade, lower case
 * @param tripClass         {@code normal}, {@code occasional}, {@code frequent}, or {@code null} when not prepaid
 * @param trips             meter trips in 12 months (for the reason's text)
 * @param otherOutstanding  accounts of the same person, other than the primary, with arrears or open work orders
 */
record RouteFacts(CustomerKind kind, BigDecimal arrears, int unpaidBills, int openWorkOrders, Set<String> sensitive,
        Map<String, String> grades, String tripClass, int trips, List<String> otherOutstanding) {

    RouteFacts {
        sensitive = Set.copyOf(sensitive);
        grades = Map.copyOf(grades);
        otherOutstanding = List.copyOf(otherOutstanding);
    }
}
