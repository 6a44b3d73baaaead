package org.smarthall.demo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarthall.api.ingest.Datasets;

/** The same settings give the same bytes; another seed another province; GBK the same text. */
class DeterminismTest {
    private static final GeneratorSettings SMALL = new GeneratorSettings(7L, 2_000, 2, LocalDate.of(2025, 6, 18), 5,
            StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private Map<String, String> generate(GeneratorSettings settings, String name) throws Exception {
        GenerationResult result = new ProvinceGenerator(settings).generate(temp.resolve(name), (done, total) -> {
        });
        Map<String, String> hashes = new TreeMap<>();
        for (String dataset : Datasets.ALL) {
            hashes.put(dataset, DemoLoader.sha256(result.file(dataset)));
        }
        return hashes;
    }

    @Test
    void theSameSettingsGiveIdenticalFiles() throws Exception {
        Map<String, String> first = generate(SMALL, "first");
        Map<String, String> second = generate(SMALL, "second");
        assertEquals(Datasets.ALL.size(), first.size());
        assertEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherProvince() throws Exception {
        Map<String, String> first = generate(SMALL, "first");
        Map<String, String> other = generate(new GeneratorSettings(8L, SMALL.residents(), SMALL.halls(), SMALL.until(),
                SMALL.eventDays(), SMALL.charset()), "other");
        for (String dataset : Datasets.ALL) {
            if (dataset.equals(Datasets.HALLS)) {
                // the halls are the province's real halls, whatever the seed
                assertEquals(first.get(dataset), other.get(dataset));
            } else {
                assertNotEquals(first.get(dataset), other.get(dataset), dataset);
            }
        }
    }

    @Test
    void gbkFilesHoldTheSameTextAsUtf8Files() throws Exception {
        generate(SMALL, "utf8");
        generate(SMALL.withCharset(GeneratorSettings.GBK), "gbk");
        for (String dataset : Datasets.ALL) {
            byte[] utf8 = Files.readAllBytes(temp.resolve("utf8").resolve(dataset + ".csv"));
            byte[] gbk = Files.readAllBytes(temp.resolve("gbk").resolve(dataset + ".csv"));
            assertEquals(decode(utf8, StandardCharsets.UTF_8), decode(gbk, GeneratorSettings.GBK), dataset);
        }
        byte[] gbkCustomers = Files.readAllBytes(temp.resolve("gbk").resolve("customers.csv"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(temp.resolve("utf8").resolve("customers.csv")),
                gbkCustomers), "Chinese names are encoded differently");
        assertThrows(CharacterCodingException.class, () -> decode(gbkCustomers, StandardCharsets.UTF_8),
                "a GBK file is not taken for UTF-8");
    }

    @Test
    void theProvinceDoesNotDependOnTheDirectory() throws Exception {
        assertEquals(generate(SMALL, "a"), generate(SMALL, "b/c"));
        assertTrue(Files.isDirectory(temp.resolve("b/c")), "missing directories are created");
        assertArrayEquals(Files.readAllBytes(temp.resolve("a/halls.csv")), Files.readAllBytes(temp.resolve("b/c/halls.csv")));
    }

    private static String decode(byte[] bytes, Charset charset) throws IOException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
