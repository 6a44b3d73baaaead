/**
 * Grading models: function cabins that fit on a population and grade each customer
 * (government AHP, enterprise K-means, prepaid trip classes, complaint risk).
 */
@Export
@Version("1.1.0")
package org.smarthall.api.grading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
