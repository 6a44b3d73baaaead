/** The arrears policy a province swaps: what a customer in arrears is offered or asked. */
@Export
@Version("1.0.0")
package org.smarthall.api.arrears;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
