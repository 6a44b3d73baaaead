package org.smarthall.api.grading;

/**
 * A customer's grade from one model.
 *
 * @param grade  e.g. {@code "diamond"}, {@code "growth"}, {@code "frequent"}; {@value #UNKNOWN} when data is missing
 * @param score  the model's score behind the grade (composite F, distance, probability)
 * @param reason human-readable explanation
 */
public record Grade(String grade, double score, String reason) {
    public static final String UNKNOWN = "unknown";

    public static Grade unknown(String reason) {
        return new Grade(UNKNOWN, Double.NaN, reason);
    }
}
