/** Benchmarks: plain mains that print figures. */
package org.smarthall.bench;
