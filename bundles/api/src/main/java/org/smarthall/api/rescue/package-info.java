/** The purchase-rescue policy a province swaps: reminders and follow-up for prepaid customers. */
@Export
@Version("1.0.0")
package org.smarthall.api.rescue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
