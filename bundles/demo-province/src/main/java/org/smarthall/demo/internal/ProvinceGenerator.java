package org.smarthall.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.smarthall.demo.internal.Shandong.HallSite;

/**
 * Writes a synthetic province as import files, one CSV per dataset of docs/formats.md, calibrated
 * to the field reports of DOMAIN.md. The same {@link GeneratorSettings} give the same bytes.
 * <p>
 * Customers are written one at a time with their whole history, each dataset to its own
 * buffered file: memory does not grow with the province, five million residents run in a small
 * heap. The halls' zone events follow, one hall-day at a time.
 */
public final class ProvinceGenerator {

    /** Where generation has got to; called every thousand customers and at the end. */
    @FunctionalInterface
    public interface Progress {
        void customers(long done, long total);
    }

    private static final int PROGRESS_STEP = 1_000;

    private final GeneratorSettings settings;

    public ProvinceGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** Number of customers these settings give (residents, enterprises and government bodies). */
    public int customers() {
        return Composition.of(settings.residents()).customers();
    }

    /**
     * Writes the files into {@code directory} (created if missing), replacing files of the same
     * names.
     *
     * @throws InterruptedException when the thread is interrupted; the files are then incomplete
     */
    public GenerationResult generate(Path directory, Progress progress) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Period period = new Period(settings.until());
        ProvinceLayout layout = new ProvinceLayout(Composition.of(settings.residents()), settings.seed());
        Homes homes = new Homes(settings.seed(), settings.halls());
        List<HallSite> halls = Shandong.HALLS.subList(0, settings.halls());
        Map<String, Long> rows;
        try (ProvinceFiles files = new ProvinceFiles(directory, settings.charset(), period)) {
            for (HallSite hall : halls) {
                files.halls.code(hall.id()).text(hall.name()).code(hall.district().code())
                        .code(String.join(";", hall.zones())).end();
            }
            CustomerHistories customers = new CustomerHistories(settings.seed(), period, layout, homes, files,
                    new FailedPurchaseQuota());
            int total = layout.customers();
            for (int i = 0; i < total; i++) {
                customers.write(i);
                if ((i + 1) % PROGRESS_STEP == 0 || i + 1 == total) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("generation interrupted after " + (i + 1) + " customers");
                    }
                    progress.customers(i + 1, total);
                }
            }
            LocalDate firstEventDay = settings.until().minusDays(settings.eventDays() - 1L);
            if (firstEventDay.isBefore(period.first())) {
                firstEventDay = period.first();
            }
            for (int h = 0; h < halls.size(); h++) {
                HallDay hallDay = new HallDay(halls.get(h), h, settings.seed(), period, files, layout, homes);
                for (LocalDate day = firstEventDay; !day.isAfter(settings.until()); day = day.plusDays(1)) {
                    hallDay.write(day);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("generation interrupted in the zone events");
                }
            }
            rows = files.rows();
        }
        return new GenerationResult(directory, rows);
    }
}
