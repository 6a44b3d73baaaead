package org.smarthall.api.tag;

/**
 * How many customers carry one value of one dimension of a theme.
 *
 * @param themeVersion the version of the theme that gave the value
 */
public record TagCount(String dimension, String value, String themeVersion, long customers) {
}
