package org.smarthall.api.ingest;

/**
 * A row an import refused.
 *
 * @param line   line number in the file (a CSV header is line 1)
 * @param field  the column at fault, or {@code row} for the row as a whole
 * @param reason why, in words; never the rejected value itself when it is personal data
 */
public record ImportReject(long line, String field, String reason) {
}
