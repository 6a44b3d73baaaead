package org.smarthall.channel.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The SMTP server, sender and limits of the email channel; checked by {@link SmtpSettings}. */
@ObjectClassDefinition(name = "SmartHall channel: email",
        description = "Sends the outbox's messages as plain-text UTF-8 email over SMTP. A configuration that makes no"
                + " sense is refused and the channel shows FAILED_ACTIVATION in the plugin list.")
public @interface EmailChannelConfig {

    @AttributeDefinition(name = "SMTP host", description = "Name or address of the SMTP server or relay.")
    String host() default "localhost";

    @AttributeDefinition(name = "SMTP port", description = "Usually 25 (relay, none), 587 (starttls) or 465 (ssl).")
    int port() default 25;

    @AttributeDefinition(name = "TLS", description = "none: plain SMTP, only for a relay on this host or a trusted"
            + " network; starttls: upgrade the connection and refuse a server that cannot; ssl: TLS from the first byte"
            + " (SMTPS). The server's certificate and name are always checked against the Java trust store.",
            options = {@Option(label = "none", value = "none"), @Option(label = "starttls", value = "starttls"),
                @Option(label = "ssl", value = "ssl")})
    String tls() default "none";

    @AttributeDefinition(name = "User name", required = false,
            description = "Log in with this name (AUTH); empty for a relay that needs no login.")
    String username() default "";

    /**
     * Property {@code .password}: the leading dot (an underscore in the method name) makes it a
     * private property that Declarative Services does not copy into the service's properties.
     */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the user name. Never logged. The key is .password (with the dot), which keeps"
                    + " it out of the channel service's properties.")
    String _password() default "";

    @AttributeDefinition(name = "From address", description = "Sender address of every message, e.g. 95598@sgcc.example.")
    String fromAddress() default "smarthall@localhost";

    @AttributeDefinition(name = "From name", required = false, description = "Display name of the sender.")
    String fromName() default "供电营业厅";

    @AttributeDefinition(name = "Message-ID domain",
            description = "Right-hand side of the Message-ID made from the outbox's message id: <id@domain>. Keep it"
                    + " stable, or a message retried after the change no longer looks like the same message.")
    String messageIdDomain() default "smarthall.host";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "Longest wait for the TCP connection (100 or more).")
    int connectTimeoutMillis() default 5_000;

    @AttributeDefinition(name = "Read timeout (ms)",
            description = "Longest wait for any one server reply or write while sending (100 or more).")
    int readTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Health check timeout (ms)",
            description = "Connect and reply timeout of the health check (connect and NOOP), 100 or more.")
    int healthTimeoutMillis() default 2_000;

    @AttributeDefinition(name = "Most messages per second",
            description = "Above this the channel answers RETRY with the wait until the next slot (1 or more).")
    int maxMessagesPerSecond() default 5;

    @AttributeDefinition(name = "Subjects by purpose",
            description = "purpose=subject, one per purpose. A message's 'subject' parameter wins over these.")
    String[] subjects() default {"bill=电费账单", "arrears=电费欠费提醒", "outage=停电通知",
        "purchase_reminder=购电提醒", "service=服务通知", "marketing=用电服务推荐", "survey=服务满意度调查"};

    @AttributeDefinition(name = "Default subject", description = "Subject for a purpose not listed above.")
    String defaultSubject() default "供电营业厅通知";
}
