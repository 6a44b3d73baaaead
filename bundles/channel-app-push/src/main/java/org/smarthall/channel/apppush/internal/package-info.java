/**
 * The app-push notification channel: pushes to the utility's mobile app through the app
 * gateway's JSON API ({@code POST /v1/pushes}, {@code GET /v1/pushes/{pushId}},
 * {@code GET /v1/health}, documented in {@code docs/app-push-gateway.md}) with
 * {@link java.net.http.HttpClient} and Jackson. Nothing here is exported: the outbox finds the
 * channel as a {@link org.smarthall.api.notify.NotificationChannel} service with plugin id
 * {@code app-push}.
 */
package org.smarthall.channel.apppush.internal;
