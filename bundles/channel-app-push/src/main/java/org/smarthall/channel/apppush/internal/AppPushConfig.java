package org.smarthall.channel.apppush.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the channel reaches the app gateway; checked by {@link AppPushSettings}. */
@ObjectClassDefinition(name = "SmartHall channel: app push",
        description = "Pushes notifications to the utility's mobile app through its app gateway (docs/app-push-gateway.md)."
                + " A changed configuration restarts the channel; one that makes no sense stops it.")
public @interface AppPushConfig {

    @AttributeDefinition(name = "Gateway base URL",
            description = "Where the app gateway answers, e.g. https://app-gw.example.com/push; /v1/pushes is added to it.")
    String baseUrl() default "";

    /**
     * Property {@code .apiKey}: DS publishes every configuration property on the service except
     * those whose name starts with a dot, and the key must not show in {@code service:list}.
     */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
            description = "The bearer key the gateway issued to SmartHall (property .apiKey, with the dot, so that it is"
                    + " kept off the service registry). Never logged.")
    String _apiKey() default "";

    @AttributeDefinition(name = "Default title",
            description = "Title of a push whose message has no 'title' parameter.")
    String defaultTitle() default "国网电力";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long to wait for a connection to the gateway.")
    int connectTimeoutMillis() default 3_000;

    @AttributeDefinition(name = "Request timeout (ms)",
            description = "How long to wait for an answer. A push that times out may have been queued all the same: the"
                    + " retry carries the same Idempotency-Key, so the gateway does not push it twice.")
    int requestTimeoutMillis() default 5_000;

    @AttributeDefinition(name = "Retry after a rate limit (s)",
            description = "Wait asked of the outbox after HTTP 429 when the gateway sends no Retry-After.")
    int rateLimitRetrySeconds() default 60;
}
