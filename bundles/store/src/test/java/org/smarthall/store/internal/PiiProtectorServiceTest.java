package org.smarthall.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.testing.Annotations;

class PiiProtectorServiceTest {
    private final byte[] key = PiiProtectorService.newKey();
    private final PiiProtectorService pii = new PiiProtectorService(key);

    @Test
    void hashesAreStablePerKeyAndNormalisedButDifferAcrossKeys() {
        String id = "37010219800517001X";
        assertEquals(pii.hashIdNumber(id), pii.hashIdNumber(" 37010219800517001x "));
        assertEquals(64, pii.hashIdNumber(id).length());
        assertNotEquals(pii.hashIdNumber(id), new PiiProtectorService(PiiProtectorService.newKey()).hashIdNumber(id),
                "a stolen table cannot be matched without the province's key");
        assertEquals(pii.hashPhone("0531-88881234"), pii.hashPhone("053188881234"));
        assertEquals(pii.hashPhone("+8613800001234"), pii.hashPhone("13800001234"));
        assertNotEquals(pii.hashPhone("13800001234"), pii.hashIdNumber("13800001234"), "hashes are kept apart by kind");
    }

    @Test
    void encryptionRoundTripsAndRefusesAlteredOrForeignValues() {
        String sealed = pii.encrypt("13800001234");
        assertNotEquals(sealed, pii.encrypt("13800001234"), "a fresh nonce each time");
        assertEquals("13800001234", pii.decrypt(sealed));
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalArgumentException.class, () -> pii.decrypt(new String(chars)));
        assertThrows(IllegalArgumentException.class, () -> new PiiProtectorService(PiiProtectorService.newKey()).decrypt(sealed));
        assertThrows(IllegalArgumentException.class, () -> pii.decrypt("13800001234"));
    }

    @Test
    void aMissingKeyIsGeneratedIntoEtcReadableByTheOwnerOnly(@TempDir Path etc) throws Exception {
        byte[] generated = PiiProtectorService.keyOf(config(""), etc.toString());
        Path file = etc.resolve("org.smarthall.pii.cfg");
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            saved.load(in);
        }
        assertArrayEquals(generated, Base64.getDecoder().decode(saved.getProperty("key")));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertArrayEquals(generated, PiiProtectorService.keyOf(config(saved.getProperty("key")), etc.toString()),
                "the next start uses the saved key");
        assertTrue(new String(Files.readAllBytes(file)).contains("Never commit it"));
    }

    @Test
    void theSavedKeyComingBackAsConfigurationChangesNothingAndANewKeyIsTaken() {
        String sealed = pii.encrypt("13800001234");
        String hash = pii.hashIdNumber("37010219800517001X");
        pii.modified(config(Base64.getEncoder().encodeToString(key)));
        assertEquals("13800001234", pii.decrypt(sealed));
        assertEquals(hash, pii.hashIdNumber("37010219800517001X"));
        pii.modified(config(Base64.getEncoder().encodeToString(PiiProtectorService.newKey())));
        assertNotEquals(hash, pii.hashIdNumber("37010219800517001X"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PiiProtectorService(new byte[16]));
    }

    private static PiiConfig config(String key) {
        return Annotations.of(PiiConfig.class, Map.of("key", key));
    }
}
