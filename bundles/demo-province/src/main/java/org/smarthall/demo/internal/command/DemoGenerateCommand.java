package org.smarthall.demo.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.smarthall.api.InvalidInputException;
import org.smarthall.demo.internal.GenerationResult;
import org.smarthall.demo.internal.GeneratorSettings;
import org.smarthall.demo.internal.ProvinceGenerator;

@Service
@Command(scope = "hall", name = "demo-generate",
        description = "Writes a synthetic province as import files, one CSV per dataset, deterministic from the seed and "
                + "calibrated to the field reports. Import them with hall:import, customers and halls first.")
public class DemoGenerateCommand implements Action {

    @Option(name = "-r", aliases = "--residents", description = "Residents (1,000 to 5,000,000); enterprises and "
            + "government bodies are added in proportion")
    private int residents = GeneratorSettings.DEFAULT_RESIDENTS;

    @Option(name = "-s", aliases = "--seed", description = "Seed: the same seed and options give the same files")
    private long seed = GeneratorSettings.DEFAULT_SEED;

    @Option(name = "--halls", description = "Halls with zone events (1 to 20)")
    private int halls = GeneratorSettings.DEFAULT_HALLS;

    @Option(name = "--until", description = "Last day of the data, yyyy-MM-dd (default: the last day of the previous "
            + "month); histories cover the 12 months ending with its month, the credit feed 24")
    private String until;

    @Option(name = "--event-days", description = "Days of zone events per hall, ending at --until")
    private int eventDays = GeneratorSettings.DEFAULT_EVENT_DAYS;

    @Option(name = "--charset", description = "Encoding of the files: UTF-8 or GBK")
    @Completion(value = StringsCompleter.class, values = {"UTF-8", "GBK"})
    private String charset = "UTF-8";

    @Argument(index = 0, name = "dir", description = "Directory to write the files to; created if missing",
            required = true)
    @Completion(FileCompleter.class)
    private String dir;

    @Override
    public Object execute() throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(GeneratorSettings.CHINA);
        LocalDate last = GeneratorSettings.lastDayOfPreviousMonth(today);
        if (until != null) {
            try {
                last = LocalDate.parse(until);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("until", "a date yyyy-MM-dd, not '" + until + "'");
            }
            if (!last.isBefore(today)) {
                throw new InvalidInputException("until", "must be before today: imports refuse times in the future");
            }
        }
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(seed, residents, halls, last, eventDays, charset(charset));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("options", e.getMessage());
        }
        Path directory = Path.of(dir).toAbsolutePath();
        ProvinceGenerator generator = new ProvinceGenerator(settings);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Generating %,d customers (seed %d, %,d residents, %d halls, data up to %s, %s) into %s%n",
                generator.customers(), seed, residents, halls, last, settings.charset().name(), directory);
        ProgressLine progress = new ProgressLine(out);
        GenerationResult result;
        try {
            result = generator.generate(directory, progress);
        } catch (InterruptedException e) {
            out.println();
            out.println("Stopped; the files in " + directory + " are incomplete.");
            return null;
        }
        progress.done();
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Rows").alignRight();
        table.column("Size").alignRight();
        for (var entry : result.rows().entrySet()) {
            Path file = result.file(entry.getKey());
            table.addRow().addContent(file.getFileName(), String.format(Locale.ROOT, "%,d", entry.getValue()),
                    size(Files.size(file)));
        }
        table.print(out);
        out.println("Import in this order: hall:import DATASET FILE" + (settings.charset().equals(StandardCharsets.UTF_8)
                ? "" : " --charset GBK") + " for " + String.join(", ", result.rows().keySet()));
        return null;
    }

    private static Charset charset(String name) {
        if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equalsIgnoreCase("GBK")) {
            return GeneratorSettings.GBK;
        }
        throw new InvalidInputException("charset", "UTF-8 or GBK, not '" + name + "'");
    }

    private static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        return bytes < 10_000_000 ? String.format(Locale.ROOT, "%,d kB", bytes / 1_000)
                : String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }
}
