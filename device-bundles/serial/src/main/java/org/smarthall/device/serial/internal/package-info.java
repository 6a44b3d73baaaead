/** The jSerialComm side of the transport; nothing here is exported. */
package org.smarthall.device.serial.internal;
