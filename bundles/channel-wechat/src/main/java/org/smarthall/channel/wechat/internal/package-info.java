/**
 * The WeChat notification channel: official-account template messages over WeChat's plain HTTPS
 * API ({@code /cgi-bin/token}, {@code /cgi-bin/message/template/send}) with
 * {@link java.net.http.HttpClient} and Jackson, no SDK inside the bundle. Nothing here is
 * exported: the outbox finds the channel as a {@link org.smarthall.api.notify.NotificationChannel}
 * service with plugin id {@code wechat}.
 */
package org.smarthall.channel.wechat.internal;
