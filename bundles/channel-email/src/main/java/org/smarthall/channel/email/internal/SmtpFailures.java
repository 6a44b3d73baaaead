package org.smarthall.channel.email.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.AuthenticationFailedException;
import javax.mail.MessagingException;

import org.smarthall.api.notify.SendResult;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPSenderFailedException;
import com.sun.mail.util.MailConnectException;

/**
 * What a failed SMTP exchange means for the outbox. The rule: a permanent (5xx) reply about
 * <em>this message</em> (its recipient, its content) is {@code REJECTED}, since sending it again
 * cannot help; everything else is {@code RETRY}: 4xx replies, connect and read timeouts, TLS
 * failures, and also 5xx replies about the channel itself (our sender address, our login),
 * because those are fixed by an operator, not by dead-lettering every message meanwhile.
 */
final class SmtpFailures {
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");

    /**
     * @param result  for the outbox; its detail has the SMTP code and text with the recipient's
     *                address blanked out
     * @param summary for the log: the stage and the code, never server text or addresses
     */
    record Failure(SendResult result, String summary) {
    }

    private SmtpFailures() {
    }

    static Failure of(MessagingException failure, String recipient) {
        List<Exception> chain = chain(failure);
        for (Exception e : chain) {
            if (e instanceof SMTPAddressFailedException refused) {
                return byCode("RCPT", refused.getReturnCode(), refused.getMessage(), recipient, true);
            }
        }
        for (Exception e : chain) {
            if (e instanceof SMTPSenderFailedException refused) {
                return byCode("MAIL FROM", refused.getReturnCode(), refused.getMessage(), recipient, false);
            }
        }
        for (Exception e : chain) {
            if (e instanceof AuthenticationFailedException) {
                return retry("AUTH", "login refused: " + text(e.getMessage(), recipient));
            }
            if (e instanceof MailConnectException connect) {
                return retry("connect", "cannot connect to " + connect.getHost() + ":" + connect.getPort() + ": "
                        + causeOf(connect));
            }
        }
        for (Exception e : chain) {
            if (e instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 400) {
                return byCode("DATA", refused.getReturnCode(), refused.getMessage(), recipient, true);
            }
        }
        for (Exception e : chain) {
            if (e instanceof IOException io) {
                return retry(io.getClass().getSimpleName(), io.getClass().getSimpleName() + ": " + text(io.getMessage(),
                        recipient));
            }
        }
        // a reply the client could not place (e.g. 421 in the greeting, no STARTTLS offered)
        Matcher code = REPLY_CODE.matcher(lastLine(failure.getMessage()));
        return retry(code.find() ? "SMTP " + code.group(1) : failure.getClass().getSimpleName(),
                text(failure.getMessage(), recipient));
    }

    private static Failure byCode(String stage, int code, String serverText, String recipient,
            boolean aboutTheMessage) {
        String detail = stage + " " + code + ": " + text(withoutCode(serverText, code), recipient);
        String summary = stage + " " + code;
        if (code >= 500 && aboutTheMessage) {
            return new Failure(SendResult.rejected(detail), summary);
        }
        return new Failure(SendResult.retry(detail, null), summary);
    }

    private static Failure retry(String summary, String detail) {
        return new Failure(SendResult.retry(detail, null), summary);
    }

    /** The exception, its chained ones (next exceptions of javax.mail) and their causes. */
    private static List<Exception> chain(Exception failure) {
        List<Exception> chain = new ArrayList<>();
        Throwable t = failure;
        while (t instanceof Exception e && !chain.contains(e) && chain.size() < 16) {
            chain.add(e);
            t = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
        }
        return chain;
    }

    private static String causeOf(Exception e) {
        Throwable cause = e.getCause();
        return cause == null ? "no reply" : cause.getClass().getSimpleName() + " " + cause.getMessage();
    }

    private static String withoutCode(String serverText, int code) {
        String text = serverText == null ? "" : serverText.strip();
        return text.startsWith(Integer.toString(code)) ? text.substring(3).strip() : text;
    }

    private static String lastLine(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** Server text on one line, the recipient's address replaced: the detail is stored and may be shown. */
    static String text(String serverText, String recipient) {
        String text = serverText == null ? "" : serverText.replaceAll("\\s+", " ").strip();
        if (recipient != null && !recipient.isBlank()) {
            text = Pattern.compile(Pattern.quote(recipient.strip()), Pattern.CASE_INSENSITIVE).matcher(text)
                    .replaceAll("(recipient)");
        }
        return text;
    }
}
