/**
 * The SmartHall database as other bundles see it: a migrated schema behind a DataSource, for
 * the plain-JDBC paths (bulk import, batch scans, job checkpoints).
 */
@Export
@Version("1.0.0")
package org.smarthall.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
