/**
 * Notification channels: one bundle each (SMS, WeChat, app push, email, hall screen) behind the
 * outbox that handles consent, quiet hours, routing, retries and deduplication.
 */
@Export
@Version("1.1.0")
package org.smarthall.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
