package org.smarthall.channel.sms.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.smarthall.api.platform.HealthCheck;

/**
 * Reads bearerbox's plain-text status page ({@code /status}): the line
 * {@code Status: running, uptime ...} and one line per SMSC connection, e.g.
 * {@code fake[fake] FAKE:127.0.0.1:13002 (online 12s, rcvd: ...)}.
 */
final class KannelStatus {
    private static final Pattern STATUS = Pattern.compile("Status: (\\w+)");
    private static final Pattern SMSC = Pattern.compile("\\((online|connecting|re-connecting|disconnected|dead)\\b");

    private KannelStatus() {
    }

    static HealthCheck.Result of(KannelApi.Answer answer) {
        String body = answer.text();
        if (answer.status() != 200) {
            return HealthCheck.Result.down("status page answered HTTP " + answer.status());
        }
        if (body.strip().equals("Denied")) {
            return HealthCheck.Result.down("status page refused the password: check .statusPassword");
        }
        Matcher status = STATUS.matcher(body);
        if (!status.find()) {
            return HealthCheck.Result.down("not a Kannel status page");
        }
        int online = 0;
        int offline = 0;
        Matcher smsc = SMSC.matcher(body);
        while (smsc.find()) {
            if ("online".equals(smsc.group(1))) {
                online++;
            } else {
                offline++;
            }
        }
        String detail = "bearerbox " + status.group(1) + ", SMSC links online " + online + " of " + (online + offline);
        if (body.contains("No boxes connected")) {
            return HealthCheck.Result.down(detail + ", but no smsbox is connected: sendsms cannot answer");
        }
        if (!"running".equals(status.group(1))) {
            return new HealthCheck.Result(HealthCheck.Status.DEGRADED, detail);
        }
        if (online == 0) {
            return HealthCheck.Result.down(detail + ": nothing can leave");
        }
        return offline == 0 ? HealthCheck.Result.up(detail)
                : new HealthCheck.Result(HealthCheck.Status.DEGRADED, detail);
    }
}
