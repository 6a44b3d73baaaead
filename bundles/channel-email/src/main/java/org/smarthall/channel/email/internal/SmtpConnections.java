package org.smarthall.channel.email.internal;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.URLName;

import com.sun.mail.smtp.SMTPSSLTransport;
import com.sun.mail.smtp.SMTPTransport;

/**
 * Opens connections to the configured SMTP server: one {@link Session} for sending and one with
 * the short timeouts of the health check, both private (never the JVM-wide default session).
 *
 * <p>The transport is constructed directly rather than looked up by protocol name: javax.mail's
 * lookup reads {@code META-INF/javamail.providers} from the class path, where another mail library
 * (such as a Jakarta Mail 2 in the same JVM) may name classes of its own namespace.
 */
final class SmtpConnections {
    private final SmtpSettings settings;
    private final Session sending;
    private final Session checking;

    SmtpConnections(SmtpSettings settings) {
        this.settings = settings;
        this.sending = Session.getInstance(properties(settings, settings.connectTimeout(), settings.readTimeout()));
        this.checking = Session.getInstance(properties(settings, settings.healthTimeout(), settings.healthTimeout()));
    }

    Session sendingSession() {
        return sending;
    }

    /** A connected transport (greeting, EHLO, STARTTLS and login done) for sending; the caller closes it. */
    SMTPTransport openForSending() throws MessagingException {
        return open(sending);
    }

    /** A connected transport with the health check's timeouts; the caller closes it. */
    SMTPTransport openForHealthCheck() throws MessagingException {
        return open(checking);
    }

    String server() {
        return settings.host() + ":" + settings.port();
    }

    private SMTPTransport open(Session session) throws MessagingException {
        String user = settings.authenticates() ? settings.username() : null;
        String password = settings.authenticates() ? settings.password() : null;
        URLName url = new URLName(protocol(settings.tls()), settings.host(), settings.port(), null, user, password);
        SMTPTransport transport = settings.tls() == TlsMode.SSL ? new SMTPSSLTransport(session, url)
                : new SMTPTransport(session, url);
        transport.connect(settings.host(), settings.port(), user, password);
        return transport;
    }

    /**
     * Runs mail work with the mail bundle's class loader as the thread's context class loader:
     * javax.activation finds the {@code text/plain} content handler of javax.mail through it, and
     * under OSGi the caller's context class loader cannot see the mail bundle's {@code META-INF/mailcap}.
     */
    static <T> T withMailClassLoader(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String protocol(TlsMode tls) {
        return tls == TlsMode.SSL ? "smtps" : "smtp";
    }

    private static Properties properties(SmtpSettings settings, Duration connectTimeout, Duration readTimeout) {
        String p = "mail." + protocol(settings.tls()) + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        props.setProperty(p + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(readTimeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(readTimeout.toMillis()));
        // the envelope sender: bounces go there
        props.setProperty(p + "from", settings.fromAddress());
        props.setProperty(p + "auth", Boolean.toString(settings.authenticates()));
        // once the server said 250 to the data, the message is accepted: QUIT's reply changes nothing
        props.setProperty(p + "quitwait", "false");
        if (settings.tls() == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (settings.tls() != TlsMode.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }
}
