package org.smarthall.channel.email.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Message-ID header of an outbox message: {@code <id@domain>}, the same on every retry.
 * An outbox id that is a short dot-atom is used as it is (readable in a mailbox's headers). Any
 * other id is written as {@code b64.} and its UTF-8 bytes in URL-safe Base64, or, when that would
 * be long, {@code sha256.} and its digest; an id that starts with one of those prefixes is encoded
 * too, so two outbox ids never share a Message-ID.
 */
final class MessageIds {
    private static final String BASE64_PREFIX = "b64.";
    private static final String SHA256_PREFIX = "sha256.";
    /** Keeps the header well inside the 998-character line limit whatever the outbox sends. */
    private static final int MAX_PLAIN_LENGTH = 200;
    private static final int MAX_BASE64_BYTES = 150;

    private MessageIds() {
    }

    static String of(String outboxMessageId, String domain) {
        return "<" + localPart(outboxMessageId) + "@" + domain + ">";
    }

    private static String localPart(String id) {
        if (id.length() <= MAX_PLAIN_LENGTH && SmtpSettings.DOT_ATOM.matcher(id).matches()
                && !id.startsWith(BASE64_PREFIX) && !id.startsWith(SHA256_PREFIX)) {
            return id;
        }
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        if (bytes.length <= MAX_BASE64_BYTES) {
            return BASE64_PREFIX + base64.encodeToString(bytes);
        }
        try {
            return SHA256_PREFIX + base64.encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
