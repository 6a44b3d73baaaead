package org.smarthall.api.tag;

import java.time.Instant;

/**
 * One stored tag of a customer: what a theme said, which version of it said it, and when.
 *
 * @param theme        theme id, e.g. {@code fee-risk}
 * @param themeVersion version of the bundle that provided the theme
 * @param dimension    see {@link TagValue#dimension()}
 * @param value        see {@link TagValue#value()}
 * @param score        see {@link TagValue#score()}
 * @param reason       see {@link TagValue#reason()}
 * @param runId        the tagging run (its job id)
 * @param taggedAt     when the run tagged the customer
 */
public record CustomerTag(String theme, String themeVersion, String dimension, String value, double score,
        String reason, long runId, Instant taggedAt) {
}
