package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.smarthall.api.customer.Pii;

/** Test data: import files and valid identity numbers. */
final class TestData {
    private TestData() {
    }

    static Path write(Path dir, String name, Charset charset, String... lines) throws IOException {
        Path file = dir.resolve(name);
        java.nio.file.Files.write(file, List.of(lines), charset);
        return file;
    }

    /** A valid identity number of Jinan, born on the given day, with a sequence number. */
    static String idNumber(String birth, int sequence) {
        String first17 = "370102" + birth + String.format("%03d", sequence % 1000);
        return first17 + Pii.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    static String badCheck(String id) {
        char good = id.charAt(17);
        return id.substring(0, 17) + (good == '1' ? '2' : '1');
    }
}
