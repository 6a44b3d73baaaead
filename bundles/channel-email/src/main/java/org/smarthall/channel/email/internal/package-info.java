/**
 * The email notification channel: SMTP through the javax.mail 1.6 bundle (com.sun.mail), one
 * connection per message, a Message-ID derived from the outbox's message id. Nothing here is
 * exported: the outbox finds the channel as a {@link org.smarthall.api.notify.NotificationChannel}
 * service with plugin id {@code email}.
 */
package org.smarthall.channel.email.internal;
