/** Shell commands of the customers bundle. */
package org.smarthall.customers.internal.command;
