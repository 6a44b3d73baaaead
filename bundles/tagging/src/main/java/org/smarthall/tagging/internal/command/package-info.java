/** Shell commands hall:tag-run and hall:tags. */
package org.smarthall.tagging.internal.command;
