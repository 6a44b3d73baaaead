/** Platform internals: never exported; other bundles use {@link org.smarthall.api.platform} and {@link org.smarthall.api.plugin}. */
package org.smarthall.platform.internal;
