/** Test plugin internals (this bundle exports nothing). */
package org.smarthall.itests.plugin;
