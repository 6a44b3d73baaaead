package org.smarthall.api.tag;

/**
 * One tag a theme gives a customer.
 *
 * @param dimension what is tagged within the theme (a theme with a single tag uses its own id;
 *                  the consumption theme has category, value, pattern, violation and advice)
 * @param value     the tag, e.g. {@code "high"}; {@value #UNKNOWN} when the data does not allow a verdict
 * @param score     strength of the verdict on the theme's own scale, documented by the theme
 * @param reason    human-readable: which facts led to it, for staff and for the customer's own view
 */
public record TagValue(String dimension, String value, double score, String reason) {
    /** The value given when data is missing: never a guess. */
    public static final String UNKNOWN = "unknown";

    public TagValue {
        if (dimension == null || dimension.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a tag needs a dimension and a value");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a tag needs a reason");
        }
    }

    public static TagValue unknown(String dimension, String reason) {
        return new TagValue(dimension, UNKNOWN, 0, reason);
    }

    public boolean isUnknown() {
        return UNKNOWN.equals(value);
    }
}
