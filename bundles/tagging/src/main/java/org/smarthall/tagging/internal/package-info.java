/** The tag engine: runs, results, REST, the customer view's tags section. */
package org.smarthall.tagging.internal;
