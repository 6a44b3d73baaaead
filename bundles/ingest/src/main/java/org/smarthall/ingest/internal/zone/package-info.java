/** Zone events, visits, trajectories and heat. */
package org.smarthall.ingest.internal.zone;
