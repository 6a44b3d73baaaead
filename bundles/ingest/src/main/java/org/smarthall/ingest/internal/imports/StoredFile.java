package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.smarthall.api.InvalidInputException;

/**
 * An import's own copy of its file, with what was learnt while copying it: its SHA-256, its size
 * and whether it is valid UTF-8 (else SmartHall takes it for GBK).
 */
record StoredFile(Path path, String sha256, long bytes, boolean utf8) {

    /** Copies a stream into {@code directory}, refusing more than {@code maxBytes}. */
    static StoredFile copy(InputStream in, Path directory, String extension, long maxBytes) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(UUID.randomUUID() + "." + extension);
        Path partial = directory.resolve(target.getFileName() + ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Utf8Check utf8 = new Utf8Check();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidInputException("body", "the file is larger than " + maxBytes / (1024 * 1024) + " MB");
                }
                sha.update(buffer, 0, n);
                utf8.feed(buffer, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new StoredFile(target, HexFormat.of().formatHex(sha.digest()), total, utf8.end());
    }

    /** Streams bytes through a strict UTF-8 decoder. */
    private static final class Utf8Check {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer carry = ByteBuffer.allocate((1 << 16) + 8);
        private final CharBuffer chars = CharBuffer.allocate(1 << 17);
        private boolean valid = true;

        void feed(byte[] bytes, int n) {
            if (!valid) {
                return;
            }
            carry.put(bytes, 0, n).flip();
            chars.clear();
            CoderResult result = decoder.decode(carry, chars, false);
            if (result.isError()) {
                valid = false;
            }
            carry.compact();
        }

        boolean end() {
            if (!valid) {
                return false;
            }
            carry.flip();
            chars.clear();
            return !decoder.decode(carry, chars, true).isError() && !carry.hasRemaining()
                    && !decoder.flush(chars).isError();
        }
    }
}
