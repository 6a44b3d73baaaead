package org.smarthall.channel.email.internal;

import java.util.Arrays;
import java.util.Optional;

/** How the connection to the SMTP server is protected. */
enum TlsMode {
    /** Plain SMTP: only for a relay on this host or a trusted network. */
    NONE("none"),
    /** Plain connect, then STARTTLS; a server that does not offer it is refused. */
    STARTTLS("starttls"),
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL("ssl");

    final String configValue;

    TlsMode(String configValue) {
        this.configValue = configValue;
    }

    static Optional<TlsMode> of(String configValue) {
        return Arrays.stream(values()).filter(m -> m.configValue.equals(configValue)).findFirst();
    }
}
