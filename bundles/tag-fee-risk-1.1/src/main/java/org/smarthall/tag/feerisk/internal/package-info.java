/**
 * The fee-risk tag theme, version 1.1 (a province's variant of 1.0, a separate artifact with the
 * same bundle symbolic name, theme id and configuration PID): the 1.0 points score plus rules that
 * make a customer high risk whatever the points. Nothing here is exported: the tagging engine
 * finds the theme as a {@link org.smarthall.api.tag.TagTheme} service.
 */
package org.smarthall.tag.feerisk.internal;
