package org.smarthall.channel.sms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the channel reaches one Kannel gateway; checked by {@link SmsSettings}. */
@ObjectClassDefinition(name = "SmartHall channel: SMS (Kannel)",
        description = "Sends text messages through a Kannel gateway's smsbox HTTP send interface."
                + " A changed configuration restarts the channel; one that makes no sense stops it.")
public @interface KannelConfig {

    @AttributeDefinition(name = "sendsms URL",
            description = "smsbox's HTTP send interface: http://HOST:SENDSMS-PORT/cgi-bin/sendsms (sendsms-port of the smsbox group).")
    String sendUrl() default "http://127.0.0.1:13013/cgi-bin/sendsms";

    @AttributeDefinition(name = "User name", description = "username of a sendsms-user group in kannel.conf.")
    String username() default "";

    /**
     * Property {@code .password}: DS publishes every configuration property on the service
     * except those whose name starts with a dot, and the password must not show in
     * {@code service:list}.
     */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "password of that sendsms-user (property .password, with the dot, so that it is kept off the"
                    + " service registry). Never logged.")
    String _password() default "";

    @AttributeDefinition(name = "Sender",
            description = "Sender number or service code (from=); empty leaves it to the sendsms-user's faked-sender or"
                    + " smsbox's global-sender.")
    String sender() default "";

    @AttributeDefinition(name = "Longest text (characters)",
            description = "Longer texts are rejected. A text goes as UCS-2: 70 characters fit one SMS, a longer one is"
                    + " split into parts of 67 that the phone joins, provided the sendsms-user has concatenation = true"
                    + " and max-messages at least the number of parts (335 characters = 5 parts).")
    int maxLength() default 335;

    @AttributeDefinition(name = "Delivery report URL",
            description = "Where Kannel reports delivery (dlr-url), e.g. http://smarthall:8181/smarthall/api/notify/sms/dlr;"
                    + " the channel adds id=<outbox message id>&status=%d. Empty: no delivery reports.")
    String deliveryReportUrl() default "";

    @AttributeDefinition(name = "Delivery report mask",
            description = "Which reports Kannel sends (dlr-mask): 1 delivered, 2 failed, 4 buffered, 8 accepted by the"
                    + " SMSC, 16 rejected by the SMSC; add them up.")
    int deliveryReportMask() default 19;

    @AttributeDefinition(name = "Status URL",
            description = "bearerbox's status page for the health check: http://HOST:ADMIN-PORT/status (admin-port of the"
                    + " core group). Empty: the health check only asks whether smsbox answers.")
    String statusUrl() default "http://127.0.0.1:13000/status";

    @AttributeDefinition(name = "Status password", type = AttributeType.PASSWORD,
            description = "status-password (or admin-password) of the core group (property .statusPassword). Never logged.")
    String _statusPassword() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long to wait for a connection to smsbox.")
    int connectTimeoutMillis() default 3_000;

    @AttributeDefinition(name = "Request timeout (ms)",
            description = "How long to wait for smsbox's answer. A send that times out may still have been queued by"
                    + " Kannel, which has no duplicate guard: the retry may send the SMS twice.")
    int requestTimeoutMillis() default 5_000;

    @AttributeDefinition(name = "Health check timeout (ms)",
            description = "How long the health check waits for the status page; a health check must answer quickly.")
    int healthTimeoutMillis() default 800;

    @AttributeDefinition(name = "Most sends per second",
            description = "Sends are spaced so that no more than this many leave per second (the SMSC's contracted"
                    + " throughput, counted in requests: a long text is several SMS).")
    int maxSendsPerSecond() default 10;

    @AttributeDefinition(name = "Longest wait for a send slot (ms)",
            description = "A send that would wait longer than this for its slot is answered 'retry later' instead.")
    int maxPacingWaitMillis() default 2_000;

    @AttributeDefinition(name = "Retry after a temporary failure (s)",
            description = "Wait asked of the outbox after Kannel's 503 'Temporal failure' when it gives no Retry-After.")
    int temporaryFailureRetrySeconds() default 30;
}
