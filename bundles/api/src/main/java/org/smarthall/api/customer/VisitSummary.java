package org.smarthall.api.customer;

import java.time.Instant;
import java.util.List;

/** One hall visit of a known customer: where they went, from entry to exit. */
public record VisitSummary(String hall, Instant entered, Instant left, List<String> zones) {
}
