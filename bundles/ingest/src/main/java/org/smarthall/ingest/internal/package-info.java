/** Ingest internals: never exported; other bundles use org.smarthall.api.ingest and org.smarthall.api.hall. */
package org.smarthall.ingest.internal;
