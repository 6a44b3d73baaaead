package org.smarthall.api.grading;

import java.time.Instant;

/**
 * A customer's current grade from one model.
 *
 * @param model        model id, e.g. {@code gov-ahp}
 * @param modelVersion version of the bundle that provided the model
 * @param score        the model's score behind the grade; {@code null} when it has none (unknown)
 * @param runId        the grading run (its job id), whose parameters and quality figures explain it
 */
public record CustomerGrade(String account, String model, String modelVersion, String grade, Double score,
        String reason, long runId, Instant gradedAt) {
}
