/** Customer 360 internals: never exported. */
package org.smarthall.customers.internal;
