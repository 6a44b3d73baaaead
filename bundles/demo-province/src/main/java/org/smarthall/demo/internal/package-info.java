/** Demo province internals: never exported. */
package org.smarthall.demo.internal;
