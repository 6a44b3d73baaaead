/** Shell commands of the ingest bundle. */
package org.smarthall.ingest.internal.command;
