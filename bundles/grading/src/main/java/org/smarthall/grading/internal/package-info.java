/** The grading engine: runs, results, REST, the customer view's grades section. */
package org.smarthall.grading.internal;
