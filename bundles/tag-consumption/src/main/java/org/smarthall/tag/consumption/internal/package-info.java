/** The consumption-behaviour tag theme: never exported; the engine finds it as a {@link org.smarthall.api.tag.TagTheme} service. */
package org.smarthall.tag.consumption.internal;
