/** REST infrastructure: never exported; resources elsewhere use {@link org.smarthall.api.rest}. */
package org.smarthall.rest.internal;
