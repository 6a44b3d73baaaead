/** Store internals: never exported. */
package org.smarthall.store.internal;
