package org.smarthall.demo.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a synthetic province is made of. The same settings always give the same files, byte for
 * byte.
 *
 * @param seed      the province seed
 * @param residents resident customers, prepaid and post-paid; enterprises and government bodies are added in proportion
 * @param halls     halls with zone events, from the list of {@link Shandong#HALLS}
 * @param until     the last day of the data: histories cover the 12 months ending with its month, the
 *                  third-party credit feed the 24 months up to it
 * @param eventDays days of zone events per hall, ending at {@code until}
 * @param charset   UTF-8 or GBK, the two encodings the importer reads
 */
public record GeneratorSettings(long seed, int residents, int halls, LocalDate until, int eventDays, Charset charset) {
    public static final long DEFAULT_SEED = 20_260_101L;
    /** With the enterprises and government bodies added in proportion: 10,020 customers. */
    public static final int DEFAULT_RESIDENTS = 9_800;
    public static final int DEFAULT_HALLS = 3;
    public static final int DEFAULT_EVENT_DAYS = 30;
    public static final int MIN_RESIDENTS = 1_000;
    public static final int MAX_RESIDENTS = 5_000_000;
    public static final int MAX_EVENT_DAYS = 365;
    public static final Charset GBK = Charset.forName("GBK");
    /** The halls' systems write China Standard Time; so do we. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public GeneratorSettings {
        if (residents < MIN_RESIDENTS || residents > MAX_RESIDENTS) {
            throw new IllegalArgumentException("residents must be " + MIN_RESIDENTS + " to " + MAX_RESIDENTS + ", not " + residents);
        }
        if (halls < 1 || halls > Shandong.HALLS.size()) {
            throw new IllegalArgumentException("halls must be 1 to " + Shandong.HALLS.size() + ", not " + halls);
        }
        if (eventDays < 1 || eventDays > MAX_EVENT_DAYS) {
            throw new IllegalArgumentException("eventDays must be 1 to " + MAX_EVENT_DAYS + ", not " + eventDays);
        }
        if (until == null) {
            throw new IllegalArgumentException("until is required");
        }
        if (!StandardCharsets.UTF_8.equals(charset) && !GBK.equals(charset)) {
            throw new IllegalArgumentException("charset must be UTF-8 or GBK, not " + charset);
        }
    }

    /** The default end of the data: the last day of the month before {@code today}, so nothing lies in the future. */
    public static LocalDate lastDayOfPreviousMonth(LocalDate today) {
        return today.withDayOfMonth(1).minusDays(1);
    }

    public GeneratorSettings withCharset(Charset other) {
        return new GeneratorSettings(seed, residents, halls, until, eventDays, other);
    }
}
