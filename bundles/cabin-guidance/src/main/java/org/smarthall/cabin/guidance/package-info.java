/**
 * What the guidance cabin publishes: the {@link org.smarthall.cabin.guidance.Portrait} of a
 * customer (or visitor) who swiped an ID card, the reduced {@link org.smarthall.cabin.guidance.Greeting}
 * a kiosk may show, and the properties of the
 * {@link org.smarthall.api.event.HallTopics#CUSTOMER_IDENTIFIED} event
 * ({@link org.smarthall.cabin.guidance.GuidanceEvents}). Records and constants only: the work lives
 * in the unexported {@code internal} package.
 */
@Export
@Version("1.0.0")
package org.smarthall.cabin.guidance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
