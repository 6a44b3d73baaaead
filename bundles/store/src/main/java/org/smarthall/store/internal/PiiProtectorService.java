package org.smarthall.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.customer.PiiProtector;

/**
 * Keyed hashes (HMAC-SHA256) for lookup and AES-256-GCM for the phones SmartHall must be able
 * to call, both from the province's key. Hash and encryption keys are derived apart from it, so
 * a hash never reveals anything about a ciphertext.
 */
@Component(service = PiiProtector.class, configurationPid = PiiProtectorService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PiiConfig.class)
public class PiiProtectorService implements PiiProtector {
    static final String PID = "org.smarthall.pii";
    private static final Logger LOG = LoggerFactory.getLogger(PiiProtectorService.class);
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;

    private volatile SecretKeySpec hashKey;
    private volatile SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public PiiProtectorService(PiiConfig config, BundleContext context) {
        this(keyOf(config, context.getProperty("karaf.etc")));
    }

    /** For tests and tools: a protector on a given 32-byte key. */
    public PiiProtectorService(byte[] key) {
        use(key);
    }

    /**
     * The key file written on first start comes back as configuration: taking it in place keeps
     * every bundle that uses this service (imports, lookups, the REST resources) from restarting.
     * A different key, set by an administrator, is taken too: from then on identifiers are hashed
     * and encrypted with it.
     */
    @Modified
    void modified(PiiConfig config) {
        if (!config.key().isBlank()) {
            byte[] key = Base64.getDecoder().decode(config.key().strip());
            if (!MessageDigest.isEqual(derive(key, "smarthall-pii-hash"), hashKey.getEncoded())) {
                LOG.warn("The personal-data key changed: identifiers stored with the old key are no longer found");
            }
            use(key);
        }
    }

    private void use(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the key must be 32 bytes, not " + key.length);
        }
        this.hashKey = new SecretKeySpec(derive(key, "smarthall-pii-hash"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(derive(key, "smarthall-pii-encrypt"), "AES");
    }

    /** A fresh random key, as the first start generates it. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static byte[] keyOf(PiiConfig config, String etc) {
        if (!config.key().isBlank()) {
            return Base64.getDecoder().decode(config.key().strip());
        }
        byte[] key = newKey();
        if (etc != null) {
            save(Path.of(etc, PID + ".cfg"), key);
        } else {
            LOG.warn("No karaf.etc: the generated personal-data key lives only as long as this process");
        }
        return key;
    }

    /** Writes the key where Karaf's file install reads configuration, readable by the owner only. */
    private static void save(Path file, byte[] key) {
        String content = "#\n# SmartHall personal-data key, generated on first start. Every node of the province needs\n"
                + "# the same key; without it stored identity numbers and phones cannot be found or read.\n"
                + "# Back it up. Never commit it.\n#\nkey = " + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Generated the personal-data key into {}: back this file up", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the personal-data key to " + file, e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String hashIdNumber(String idNumber) {
        return hmac("id:" + Pii.normalizeIdNumber(idNumber));
    }

    @Override
    public String hashPhone(String phone) {
        return hmac("phone:" + Pii.normalizePhone(phone));
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String decrypt(String encrypted) {
        if (encrypted == null || !encrypted.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a SmartHall ciphertext");
        }
        try {
            byte[] all = Base64.getDecoder().decode(encrypted.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot decrypt: another key, or the value was altered", e);
        }
    }
}
