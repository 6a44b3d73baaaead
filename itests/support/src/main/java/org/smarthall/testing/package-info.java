/** Real peers and helpers for SmartHall's tests. Test code only; never deployed. */
package org.smarthall.testing;
