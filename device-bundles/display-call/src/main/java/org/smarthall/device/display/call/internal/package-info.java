/**
 * The window call display and LED board driver. Nothing is exported: the platform finds
 * displays as {@link org.smarthall.device.api.CallDisplay} services. The frame layouts of the
 * built-in vendor profiles are tabled byte by byte in the module's README.md.
 */
package org.smarthall.device.display.call.internal;
