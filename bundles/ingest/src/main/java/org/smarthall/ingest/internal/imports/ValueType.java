package org.smarthall.ingest.internal.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Pii;

/**
 * How one field's raw text becomes a value, per the rules of docs/formats.md. A type that holds
 * personal data never repeats the value in its reasons.
 */
@FunctionalInterface
interface ValueType {

    Object parse(String raw, Clock clock) throws BadValue;

    /** What "now" is for the checks against the future, fixed for one partition. */
    record Clock(Instant now, LocalDate today) {
        static Clock current() {
            Instant now = Instant.now();
            return new Clock(now, LocalDate.ofInstant(now, Codes.TIME_ZONE));
        }
    }

    Pattern ACCOUNT = Pattern.compile("\\d{10}");
    Pattern REGION = Pattern.compile("\\d{6}");
    Pattern INDUSTRY = Pattern.compile("[A-T](\\d{2,4})?");
    Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");
    Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");
    DateTimeFormatter SLASH_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm[:ss]");

    static String shown(String raw) {
        String s = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return "'" + s + "'";
    }

    static ValueType account() {
        return (raw, clock) -> {
            if (!ACCOUNT.matcher(raw).matches()) {
                throw new BadValue(shown(raw) + " is not an account number (10 digits)");
            }
            return raw;
        };
    }

    static ValueType text(int max) {
        return (raw, clock) -> {
            if (raw.length() > max) {
                throw new BadValue("is longer than " + max + " characters");
            }
            if (raw.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                throw new BadValue("holds control characters");
            }
            return raw;
        };
    }

    static ValueType pattern(Pattern pattern, String what) {
        return (raw, clock) -> {
            if (!pattern.matcher(raw).matches()) {
                throw new BadValue(shown(raw) + " is not " + what);
            }
            return raw;
        };
    }

    static ValueType code(List<String> codes) {
        return (raw, clock) -> {
            String code = raw.toLowerCase(Locale.ROOT);
            if (!codes.contains(code)) {
                throw new BadValue(shown(raw) + " is not one of " + codes);
            }
            return code;
        };
    }

    /** A {@code ;}-separated list of codes, stored sorted and {@code ;}-joined. */
    static ValueType codes(List<String> codes) {
        return (raw, clock) -> {
            TreeSet<String> list = new TreeSet<>();
            for (String part : raw.split(";")) {
                String code = part.strip().toLowerCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!codes.contains(code)) {
                    throw new BadValue(shown(part.strip()) + " is not one of " + codes);
                }
                list.add(code);
            }
            return String.join(";", list);
        };
    }

    static ValueType decimal(String min, String max) {
        BigDecimal low = new BigDecimal(min);
        BigDecimal high = new BigDecimal(max);
        return (raw, clock) -> {
            if (!DECIMAL.matcher(raw).matches()) {
                throw new BadValue(shown(raw) + " is not an amount in yuan (at most two decimals)");
            }
            BigDecimal value = new BigDecimal(raw);
            if (value.compareTo(low) < 0 || value.compareTo(high) > 0) {
                throw new BadValue(raw + " is outside " + min + " to " + max);
            }
            return value;
        };
    }

    /** An amount that must be more than zero. */
    static ValueType positiveDecimal(String max) {
        ValueType range = decimal("0", max);
        return (raw, clock) -> {
            BigDecimal value = (BigDecimal) range.parse(raw, clock);
            if (value.signum() <= 0) {
                throw new BadValue("must be more than 0");
            }
            return value;
        };
    }

    static ValueType number(double min, double max) {
        return (raw, clock) -> {
            if (!NUMBER.matcher(raw).matches()) {
                throw new BadValue(shown(raw) + " is not a number");
            }
            double value = Double.parseDouble(raw);
            if (value < min || value > max) {
                throw new BadValue(raw + " is outside " + fmt(min) + " to " + fmt(max));
            }
            return value;
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%,.0f", d) : String.valueOf(d);
    }

    static ValueType integer(int min, int max) {
        return (raw, clock) -> {
            if (!INTEGER.matcher(raw).matches()) {
                throw new BadValue(shown(raw) + " is not a whole number");
            }
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new BadValue(raw + " is outside " + min + " to " + max);
            }
            return value;
        };
    }

    static ValueType flag() {
        return (raw, clock) -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "y", "1", "true", "yes" -> Boolean.TRUE;
            case "n", "0", "false", "no" -> Boolean.FALSE;
            default -> throw new BadValue(shown(raw) + " is not a flag (Y or N)");
        };
    }

    static ValueType date() {
        return (raw, clock) -> {
            LocalDate date = parseDate(raw).orElseThrow(() -> new BadValue(shown(raw) + " is not a date (2026-07-01)"));
            if (date.getYear() < 1900 || date.isAfter(clock.today())) {
                throw new BadValue(date + " is before 1900 or in the future");
            }
            return date;
        };
    }

    private static Optional<LocalDate> parseDate(String raw) {
        try {
            if (raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(raw));
            }
            if (raw.matches("\\d{4}/\\d{2}/\\d{2}")) {
                return Optional.of(LocalDate.parse(raw.replace('/', '-')));
            }
            if (raw.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(raw, DateTimeFormatter.BASIC_ISO_DATE));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A month, stored as its first day. */
    static ValueType month() {
        return (raw, clock) -> {
            YearMonth month;
            try {
                if (raw.matches("\\d{4}-\\d{2}")) {
                    month = YearMonth.parse(raw);
                } else if (raw.matches("\\d{6}")) {
                    month = YearMonth.of(Integer.parseInt(raw.substring(0, 4)), Integer.parseInt(raw.substring(4)));
                } else {
                    throw new BadValue(shown(raw) + " is not a month (2026-07)");
                }
            } catch (DateTimeException e) {
                throw new BadValue(shown(raw) + " is not a month (2026-07)");
            }
            if (month.getYear() < 1900 || month.isAfter(YearMonth.from(clock.today()))) {
                throw new BadValue(month + " is before 1900 or in the future");
            }
            return month.atDay(1);
        };
    }

    /** A time in China time or ISO 8601 with an offset; at most five minutes ahead of the clock. */
    static ValueType time() {
        return (raw, clock) -> {
            Instant at;
            try {
                if (raw.length() > 10 && raw.charAt(10) == 'T') {
                    at = OffsetDateTime.parse(raw).toInstant();
                } else if (raw.length() > 4 && raw.charAt(4) == '/') {
                    at = LocalDateTime.parse(raw, SLASH_TIME).atZone(Codes.TIME_ZONE).toInstant();
                } else {
                    at = LocalDateTime.parse(raw, LOCAL_TIME).atZone(Codes.TIME_ZONE).toInstant();
                }
            } catch (DateTimeParseException e) {
                throw new BadValue(shown(raw) + " is not a time (2026-07-01 09:30:00)");
            }
            if (at.isAfter(clock.now().plusSeconds(300)) || at.isBefore(Instant.parse("1900-01-01T00:00:00Z"))) {
                throw new BadValue(raw + " is before 1900 or in the future");
            }
            return at;
        };
    }

    /** A resident identity number, normalised; the reason never repeats it. */
    static ValueType idNumber() {
        return (raw, clock) -> {
            Optional<String> problem = Pii.idNumberProblem(raw, clock.today());
            if (problem.isPresent()) {
                throw new BadValue("identity number: " + problem.get());
            }
            return Pii.normalizeIdNumber(raw);
        };
    }

    /** A phone, normalised to digits; the reason never repeats it. */
    static ValueType phone() {
        return (raw, clock) -> {
            if (!Pii.isPhone(raw)) {
                throw new BadValue("is not a mainland mobile or landline number");
            }
            return Pii.normalizePhone(raw);
        };
    }
}
