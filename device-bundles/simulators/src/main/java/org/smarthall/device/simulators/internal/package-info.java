/** The simulators the demo runs inside Karaf, and the {@code hall:simulate} command. Not exported. */
package org.smarthall.device.simulators.internal;
