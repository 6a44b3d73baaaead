package org.smarthall.demo.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's working directory: the generated files, {@code settings.txt} (what they were
 * generated from), {@code loaded.txt} (the datasets imported so far, one per line; its
 * presence means a load has begun) and {@code tag-run.txt} (the tagging run after the load:
 * {@value #TAG_RUN_DUE} while it is still to start, then what became of it).
 */
final class DemoDirectory {
    static final String MARKER = "loaded.txt";
    static final String SETTINGS = "settings.txt";
    static final String TAG_RUN = "tag-run.txt";
    /** What {@code tag-run.txt} says while the run is still to start. */
    static final String TAG_RUN_DUE = "due";

    private final Path directory;

    DemoDirectory(Path directory) {
        this.directory = directory;
    }

    Path file(String dataset) {
        return directory.resolve(ProvinceFiles.fileName(dataset));
    }

    boolean hasMarker() {
        return Files.exists(directory.resolve(MARKER));
    }

    List<String> loaded() throws IOException {
        Path marker = directory.resolve(MARKER);
        if (!Files.exists(marker)) {
            return List.of();
        }
        return Files.readAllLines(marker, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    /** From now on a restart continues the load even though the store is no longer empty. */
    void beginLoad() throws IOException {
        Files.createDirectories(directory);
        Path marker = directory.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
    }

    void markLoaded(String dataset) throws IOException {
        Files.writeString(directory.resolve(MARKER), dataset + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /**
     * What {@code tag-run.txt} says: {@link #TAG_RUN_DUE}, or how the run was started or why
     * not; empty when there is no such file (no run asked for, or a load from before the runs).
     */
    Optional<String> tagRun() throws IOException {
        Path file = directory.resolve(TAG_RUN);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
    }

    /** A load begins or goes on: the tagging run after it is due, unless one is recorded already. */
    void tagRunDue() throws IOException {
        if (!Files.exists(directory.resolve(TAG_RUN))) {
            recordTagRun(TAG_RUN_DUE);
        }
    }

    /** What became of the tagging run: started (a restart starts none again), or why not. */
    void recordTagRun(String outcome) throws IOException {
        Path temporary = directory.resolve(TAG_RUN + ".tmp");
        Files.writeString(temporary, outcome + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve(TAG_RUN), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The settings the files here were generated from, if they were generated to the end. */
    Optional<GeneratorSettings> recorded() {
        Path file = directory.resolve(SETTINGS);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            return Optional.of(new GeneratorSettings(Long.parseLong(values.get("seed")),
                    Integer.parseInt(values.get("residents")), Integer.parseInt(values.get("halls")),
                    LocalDate.parse(values.get("until")), Integer.parseInt(values.get("eventDays")),
                    Charset.forName(values.get("charset"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    void record(GeneratorSettings settings) throws IOException {
        String text = "seed=" + settings.seed() + "\nresidents=" + settings.residents() + "\nhalls=" + settings.halls()
                + "\nuntil=" + settings.until() + "\neventDays=" + settings.eventDays() + "\ncharset="
                + settings.charset().name() + "\n";
        Path temporary = directory.resolve(SETTINGS + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve(SETTINGS), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Before generating anew: files half written must not pass for a finished generation. */
    void forgetSettings() throws IOException {
        Files.deleteIfExists(directory.resolve(SETTINGS));
    }
}
