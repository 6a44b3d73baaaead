package org.smarthall.channel.email.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

/**
 * The email channel's configuration, checked: a configuration that makes no sense is refused with
 * the attribute named (and its value, except the password). Field meanings are those of
 * {@link EmailChannelConfig}.
 */
record SmtpSettings(String host, int port, TlsMode tls, String username, String password, String fromAddress,
        String fromName, String messageIdDomain, Duration connectTimeout, Duration readTimeout,
        Duration healthTimeout, int maxMessagesPerSecond, Map<String, String> subjects, String defaultSubject) {

    static final int MIN_TIMEOUT_MILLIS = 100;
    /** RFC 5322 dot-atom: what may stand on either side of the {@code @} of a Message-ID unquoted. */
    static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile(",(?=\\s*[A-Za-z0-9_.-]+\\s*=)");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

    /** @throws IllegalArgumentException naming the attribute when the configuration makes no sense */
    SmtpSettings {
        if (host == null || !HOST.matcher(host).matches()) {
            throw refused("host = '" + host + "' must name the SMTP server");
        }
        if (tls == null) {
            throw refused("tls must be none, starttls or ssl");
        }
        if (port < 1 || port > 65_535) {
            throw refused("port = " + port + " must be between 1 and 65535");
        }
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        if (username.isEmpty() && !password.isEmpty()) {
            throw refused(".password is set but username is empty");
        }
        if (!username.isEmpty() && tls == TlsMode.NONE && !isLoopback(host)) {
            throw refused("username = '" + username + "' with tls = none would send the password in clear to " + host
                    + ": use starttls or ssl");
        }
        try {
            InternetAddress from = new InternetAddress(fromAddress, true);
            if (from.getAddress().indexOf('@') < 1) {
                throw new AddressException("needs a domain");
            }
        } catch (AddressException | NullPointerException e) {
            throw refused("fromAddress = '" + fromAddress + "' is not an e-mail address");
        }
        fromName = fromName == null ? "" : oneLine(fromName);
        if (messageIdDomain == null || !DOT_ATOM.matcher(messageIdDomain).matches()) {
            throw refused("messageIdDomain = '" + messageIdDomain + "' must be a domain such as smarthall.host");
        }
        atLeastMinTimeout("connectTimeoutMillis", connectTimeout);
        atLeastMinTimeout("readTimeoutMillis", readTimeout);
        atLeastMinTimeout("healthTimeoutMillis", healthTimeout);
        if (maxMessagesPerSecond < 1) {
            throw refused("maxMessagesPerSecond = " + maxMessagesPerSecond + " must be at least 1");
        }
        subjects = Map.copyOf(subjects);
        if (defaultSubject == null || oneLine(defaultSubject).isEmpty()) {
            throw refused("defaultSubject must not be empty");
        }
        defaultSubject = oneLine(defaultSubject);
    }

    /** The settings of a configuration (Metatype defaults where the cfg file says nothing). */
    static SmtpSettings of(EmailChannelConfig c) {
        TlsMode tls = TlsMode.of(c.tls()).orElseThrow(
                () -> refused("tls = '" + c.tls() + "' must be none, starttls or ssl"));
        return new SmtpSettings(c.host(), c.port(), tls, c.username(), c._password(), c.fromAddress(), c.fromName(),
                c.messageIdDomain(), millis(c.connectTimeoutMillis()), millis(c.readTimeoutMillis()),
                millis(c.healthTimeoutMillis()), c.maxMessagesPerSecond(), subjects(c.subjects()), c.defaultSubject());
    }

    /** The sender with its display name, UTF-8 encoded where it is not ASCII. */
    InternetAddress from() {
        try {
            return fromName.isEmpty() ? new InternetAddress(fromAddress, true)
                    : new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("checked at activation", e);
        }
    }

    boolean authenticates() {
        return !username.isEmpty();
    }

    /** The subject for a purpose, the default when the purpose has none. */
    String subjectFor(String purpose) {
        return purpose == null ? defaultSubject : subjects.getOrDefault(purpose, defaultSubject);
    }

    /** Without the password: this may end up in a log line. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", tls " + tls.configValue
                + (authenticates() ? ", user " + username + ", password ***" : ", no login") + ", from " + fromAddress
                + ", " + maxMessagesPerSecond + "/s]";
    }

    /** Subject and display-name text on one line: a line break in a header would start a new header. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static Map<String, String> subjects(String[] values) {
        Map<String, String> subjects = new LinkedHashMap<>();
        // a cfg file gives one comma-separated string, the web console one value per entry; a comma
        // not followed by "purpose=" stays in the subject
        List<String> entries = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String entry : ENTRY_SEPARATOR.split(value == null ? "" : value)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String purpose = eq < 0 ? "" : entry.substring(0, eq).strip();
            String subject = eq < 0 ? "" : oneLine(entry.substring(eq + 1));
            if (purpose.isEmpty() || subject.isEmpty()) {
                throw refused("subjects entry '" + entry + "' must read purpose=subject");
            }
            if (subjects.putIfAbsent(purpose, subject) != null) {
                throw refused("subjects names purpose '" + purpose + "' twice");
            }
        }
        return subjects;
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("[::1]");
    }

    private static Duration millis(int millis) {
        return Duration.ofMillis(millis);
    }

    private static void atLeastMinTimeout(String name, Duration timeout) {
        if (timeout.toMillis() < MIN_TIMEOUT_MILLIS) {
            throw refused(name + " = " + timeout.toMillis() + " must be at least " + MIN_TIMEOUT_MILLIS);
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("email channel configuration refused: " + why);
    }
}
