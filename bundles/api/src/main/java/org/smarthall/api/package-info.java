/**
 * Values and failures every SmartHall bundle shares.
 *
 * <p>The exceptions here carry domain meaning (not found, conflict, invalid input); the REST
 * bundle maps them to HTTP problems, the shell prints them, a job records them.
 */
@Export
@Version("1.0.0")
package org.smarthall.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
