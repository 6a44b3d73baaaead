package org.smarthall.channel.wechat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the channel reaches one WeChat official account; checked by {@link WeChatSettings}. */
@ObjectClassDefinition(name = "SmartHall channel: WeChat",
        description = "Sends template messages from one WeChat official account (服务号) to the openids the outbox names."
                + " A changed configuration restarts the channel; one that makes no sense stops it.")
public @interface WeChatConfig {

    @AttributeDefinition(name = "API base URL",
            description = "Where the WeChat API answers: https://api.weixin.qq.com, or a regional host or proxy in front of it.")
    String baseUrl() default "https://api.weixin.qq.com";

    @AttributeDefinition(name = "AppID", description = "The official account's AppID (wx followed by 16 characters).")
    String appId() default "";

    /**
     * Property {@code .appSecret}: DS publishes every configuration property on the service
     * except those whose name starts with a dot, and the secret must not show in
     * {@code service:list}.
     */
    @AttributeDefinition(name = "AppSecret", type = AttributeType.PASSWORD,
            description = "The official account's AppSecret (property .appSecret, with the dot, so that it is kept off the"
                    + " service registry). Never logged; the server's IP must be on the account's IP whitelist.")
    String _appSecret() default "";

    @AttributeDefinition(name = "Templates by purpose",
            description = "Template id for each purpose of message, as purpose=templateId separated by commas, e.g."
                    + " bill=TPL1,outage=TPL2,purchase_reminder=TPL3. A message that names its own template uses that one.")
    String templates() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long to wait for a connection to the API.")
    int connectTimeoutMillis() default 3_000;

    @AttributeDefinition(name = "Request timeout (ms)",
            description = "How long to wait for an answer. A send that times out may still have been delivered: it is"
                    + " retried soon, with the same client_msg_id, which WeChat deduplicates for 10 minutes.")
    int requestTimeoutMillis() default 5_000;

    @AttributeDefinition(name = "Most sends per second",
            description = "Template sends are spaced so that no more than this many leave per second.")
    int maxSendsPerSecond() default 20;

    @AttributeDefinition(name = "Longest wait for a send slot (ms)",
            description = "A send that would wait longer than this for its slot is answered 'retry later' instead.")
    int maxPacingWaitMillis() default 2_000;

    @AttributeDefinition(name = "Token refresh margin (s)",
            description = "The access token is fetched again this long before WeChat says it expires.")
    int tokenRefreshMarginSeconds() default 300;

    @AttributeDefinition(name = "Wait after a failed token fetch (s)",
            description = "After a failed token fetch, sends and health checks answer from that failure for this long"
                    + " instead of calling the token endpoint again (it allows 2000 calls a day).")
    int tokenFailureHoldSeconds() default 10;

    @AttributeDefinition(name = "Retry after 'system busy' (s)", description = "Wait asked of the outbox after errcode -1.")
    int busyRetrySeconds() default 10;

    @AttributeDefinition(name = "Retry after a frequency limit (s)",
            description = "Wait asked of the outbox after errcode 45011 (minute quota) or 45047 (too many sends to one user).")
    int frequencyLimitRetrySeconds() default 600;

    @AttributeDefinition(name = "Daily quota resets at (hour)",
            description = "After errcode 45009 (daily quota used up) sends pause until this hour (0-23) in the quota's time zone.")
    int dailyQuotaResetHour() default 0;

    @AttributeDefinition(name = "Quota time zone", description = "The time zone in which WeChat counts the daily quota.")
    String quotaZone() default "Asia/Shanghai";
}
