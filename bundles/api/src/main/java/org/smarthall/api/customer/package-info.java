/**
 * The customer base as records: a customer's profile and histories, bundled into the
 * {@link org.smarthall.api.customer.CustomerSnapshot} that tag themes and grading models read.
 *
 * <p>A {@code null} field means the value is missing in the source data. It is never filled in
 * with a mean or a guess; whoever reads it decides what "missing" means and says so.
 * Identity numbers and phone numbers appear here only masked.
 */
@Export
@Version("1.2.0")
package org.smarthall.api.customer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
