package org.smarthall.api.tag;

import java.time.LocalDate;

/**
 * What to tag: {@code mode} {@value TagRun#FULL} (default) or {@value TagRun#INCREMENTAL};
 * {@code asOf} defaults to today in China Standard Time.
 */
public record TagRunRequest(String mode, LocalDate asOf) {
}
