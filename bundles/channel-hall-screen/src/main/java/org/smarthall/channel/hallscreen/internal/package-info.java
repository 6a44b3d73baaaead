/**
 * The hall-screen notification channel: a server-sent-events stream per hall
 * ({@code GET /smarthall/api/v1/halls/{hall}/screen/stream}) for the hall's TVs and big screen,
 * on the JAX-RS 2.1 SSE support of the whiteboard (CXF's {@code cxf-rt-rs-sse}). The registry of
 * screens and replay buffers ({@link org.smarthall.channel.hallscreen.internal.HallScreens}) is
 * plain Java; {@link org.smarthall.channel.hallscreen.internal.HallScreenHub} shares it between
 * the channel and the resource. Nothing here is exported: the outbox finds the channel as a
 * {@link org.smarthall.api.notify.NotificationChannel} service with plugin id {@code hall-screen}.
 */
package org.smarthall.channel.hallscreen.internal;
