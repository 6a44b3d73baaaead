package org.smarthall.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * The time the data covers: the 12 months ending with the month of {@code until}, cut at the end
 * of {@code until}. Times are China Standard Time wall-clock seconds since 1970-01-01 00:00
 * ("local seconds"), as the halls' systems write them.
 */
final class Period {
    static final int DAY = 86_400;
    static final int MONTHS = 12;

    private final LocalDate first;
    private final LocalDate until;
    private final long start;
    private final long end;
    private final YearMonth[] months = new YearMonth[MONTHS];
    private final long[] monthStarts = new long[MONTHS + 1];
    private final String[] monthNames = new String[MONTHS];
    private final String[] dayNames;

    Period(LocalDate until) {
        this.until = until;
        this.first = until.withDayOfMonth(1).minusMonths(MONTHS - 1);
        this.start = seconds(first);
        this.end = seconds(until) + DAY - 1;
        for (int i = 0; i < MONTHS; i++) {
            months[i] = YearMonth.from(first).plusMonths(i);
            monthStarts[i] = seconds(months[i].atDay(1));
            monthNames[i] = months[i].toString();
        }
        monthStarts[MONTHS] = end + 1;
        dayNames = new String[(int) (until.toEpochDay() - first.toEpochDay() + 1)];
        for (int d = 0; d < dayNames.length; d++) {
            dayNames[d] = first.plusDays(d).toString();
        }
    }

    static long seconds(LocalDate day) {
        return day.toEpochDay() * DAY;
    }

    /** First second covered. */
    long start() {
        return start;
    }

    /** Last second covered: {@code until} 23:59:59. */
    long end() {
        return end;
    }

    LocalDate first() {
        return first;
    }

    LocalDate until() {
        return until;
    }

    long days() {
        return dayNames.length;
    }

    YearMonth month(int i) {
        return months[i];
    }

    String monthName(int i) {
        return monthNames[i];
    }

    /** Start of month {@code i}; {@code monthStart(12)} is one second after {@link #end()}. */
    long monthStart(int i) {
        return monthStarts[i];
    }

    /** Seconds of month {@code i} the period covers (the last month may be cut at {@code until}). */
    long coveredSeconds(int i) {
        return monthStarts[i + 1] - monthStarts[i];
    }

    /** Month holding {@code t}, which must lie in the period. */
    int monthIndex(long t) {
        int i = MONTHS - 1;
        while (i > 0 && t < monthStarts[i]) {
            i--;
        }
        return i;
    }

    /** A random day of the period (local seconds at midnight). */
    long day(SplittableRandom r) {
        return start + (long) r.nextInt(dayNames.length) * DAY;
    }

    void appendDate(StringBuilder out, long epochDay) {
        long d = epochDay - first.toEpochDay();
        if (d >= 0 && d < dayNames.length) {
            out.append(dayNames[(int) d]);
        } else {
            out.append(LocalDate.ofEpochDay(epochDay));
        }
    }

    /**
     * A serial number as the source systems print them: prefix, day ({@code yyyyMMdd}), the
     * customer's index (7 digits) and a running number (3 digits); unique per prefix.
     */
    void appendSerial(StringBuilder out, String prefix, long localSeconds, int index, int number) {
        out.append(prefix);
        long day = Math.floorDiv(localSeconds, DAY);
        long d = day - first.toEpochDay();
        String date = d >= 0 && d < dayNames.length ? dayNames[(int) d] : LocalDate.ofEpochDay(day).toString();
        out.append(date, 0, 4).append(date, 5, 7).append(date, 8, 10);
        digits(out, index, 7);
        digits(out, number, 3);
    }

    private static void digits(StringBuilder out, int n, int width) {
        for (int scale = width - 1, p = (int) Math.pow(10, scale); scale > 0 && n < p; scale--, p /= 10) {
            out.append('0');
        }
        out.append(n);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}. */
    void appendTime(StringBuilder out, long t) {
        long day = Math.floorDiv(t, DAY);
        int second = (int) (t - day * DAY);
        appendDate(out, day);
        out.append(' ');
        two(out, second / 3600);
        out.append(':');
        two(out, second / 60 % 60);
        out.append(':');
        two(out, second % 60);
    }

    private static void two(StringBuilder out, int n) {
        out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
