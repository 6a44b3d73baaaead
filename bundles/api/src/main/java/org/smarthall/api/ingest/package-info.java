/**
 * Imports of the customer base and the halls' point data, in the formats of docs/formats.md,
 * as resumable jobs with every rejected row reported.
 */
@Export
@Version("1.1.0")
package org.smarthall.api.ingest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
