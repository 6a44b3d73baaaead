/** Shell commands of the outbox: hall:notify, hall:outbox. */
package org.smarthall.notify.internal.command;
