/** Imports: readers, dataset rules, writers, the import job. */
package org.smarthall.ingest.internal.imports;
