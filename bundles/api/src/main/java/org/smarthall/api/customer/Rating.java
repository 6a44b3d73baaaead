package org.smarthall.api.customer;

import java.time.Instant;

/** A satisfaction rating: a window keypad press or a survey answer, 1 (worst) to 5 (best). */
public record Rating(Instant at, String source, int score) {
}
