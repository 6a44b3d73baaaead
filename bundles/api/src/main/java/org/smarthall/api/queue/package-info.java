/** The queue policy a province swaps: who a window calls next. */
@Export
@Version("1.0.0")
package org.smarthall.api.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
