/** Shell command hall:grade. */
package org.smarthall.grading.internal.command;
