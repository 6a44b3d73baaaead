/** The devices directory, its REST resource and shell command: nothing exported. */
package org.smarthall.devices.internal;
