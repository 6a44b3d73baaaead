/**
 * Tag themes: the function cabins that label every customer on one theme (fee risk, credit,
 * channel preference, consumption behaviour).
 */
@Export
@Version("1.1.0")
package org.smarthall.api.tag;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
