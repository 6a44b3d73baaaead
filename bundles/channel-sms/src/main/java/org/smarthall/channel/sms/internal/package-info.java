/**
 * The SMS notification channel: text messages through a Kannel gateway, sent with
 * {@link java.net.http.HttpClient} to smsbox's HTTP send interface ({@code /cgi-bin/sendsms}).
 * Nothing here is exported: the outbox finds the channel as a
 * {@link org.smarthall.api.notify.NotificationChannel} service with plugin id {@code sms}.
 */
package org.smarthall.channel.sms.internal;
