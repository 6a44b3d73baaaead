/** Shell commands of the demo province. */
package org.smarthall.demo.internal.command;
