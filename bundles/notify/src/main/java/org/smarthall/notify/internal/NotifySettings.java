package org.smarthall.notify.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.smarthall.api.customer.Codes;

/**
 * The outbox configuration, read and checked once. A value that makes no sense is refused with
 * the attribute named, so the component fails activation rather than send by a wrong rule.
 */
record NotifySettings(List<String> fallbackOrder, Map<String, String> tagChannels, Set<String> optInPurposes,
        QuietHours quietHours, Set<String> urgentPurposes, Set<String> quietExempt, Map<String, Double> rateLimits,
        int threads, int batch, Duration poll, int maxAttempts, Duration backoff, Duration backoffMax,
        Duration channelWait, Duration lease,
        Set<String> resendInDoubt, Duration receiptWait, Duration receiptGiveUp) {

    static final Pattern CHANNEL_ID = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    static NotifySettings of(NotifyConfig c) {
        List<String> fallback = List.copyOf(channels("fallbackOrder", c.fallbackOrder()));
        Map<String, String> tagChannels = new LinkedHashMap<>();
        for (String pair : items(c.tagChannels())) {
            String[] kv = pair.split(":", -1);
            if (kv.length != 2 || !Codes.CHANNELS.contains(kv[0].strip()) || !CHANNEL_ID.matcher(kv[1].strip()).matches()) {
                throw new IllegalArgumentException("tagChannels: '" + pair + "' is not code:channel-id with a code of "
                        + Codes.CHANNELS);
            }
            tagChannels.put(kv[0].strip(), kv[1].strip());
        }
        Set<String> optIn = purposes("optInPurposes", c.optInPurposes());
        Set<String> urgent = purposes("urgentPurposes", c.urgentPurposes());
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String pair : items(c.rateLimits())) {
            String[] kv = pair.split(":", -1);
            double rate;
            try {
                rate = kv.length == 2 ? Double.parseDouble(kv[1].strip()) : -1;
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (kv.length != 2 || !CHANNEL_ID.matcher(kv[0].strip()).matches() || !(rate > 0)) {
                throw new IllegalArgumentException("rateLimits: '" + pair + "' is not channel:messages-per-second (> 0)");
            }
            rates.put(kv[0].strip(), rate);
        }
        positive("threads", c.threads());
        positive("batch", c.batch());
        positive("pollMillis", c.pollMillis());
        positive("maxAttempts", c.maxAttempts());
        if (c.backoffSeconds() < 0) {
            throw new IllegalArgumentException("backoffSeconds: must not be negative");
        }
        positive("backoffMaxSeconds", c.backoffMaxSeconds());
        if (c.leaseSeconds() < 5) {
            throw new IllegalArgumentException("leaseSeconds: at least 5, longer than any send takes");
        }
        positive("channelWaitHours", c.channelWaitHours());
        positive("receiptSeconds", c.receiptSeconds());
        positive("receiptGiveUpHours", c.receiptGiveUpHours());
        return new NotifySettings(fallback, Map.copyOf(tagChannels), optIn, QuietHours.parse(c.quietHours()), urgent,
                channels("quietExempt", c.quietExempt()), Map.copyOf(rates), c.threads(), c.batch(),
                Duration.ofMillis(c.pollMillis()), c.maxAttempts(), Duration.ofSeconds(c.backoffSeconds()),
                Duration.ofSeconds(c.backoffMaxSeconds()), Duration.ofHours(c.channelWaitHours()),
                Duration.ofSeconds(c.leaseSeconds()),
                channels("resendInDoubt", c.resendInDoubt()), Duration.ofSeconds(c.receiptSeconds()),
                Duration.ofHours(c.receiptGiveUpHours()));
    }

    /** The wait before attempt {@code attempts + 1}: the first retry wait doubled per attempt, capped. */
    Duration backoffAfter(int attempts) {
        if (backoff.isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    /** The channel id a channel code of the preference tag stands for, or null for none. */
    String channelOfTag(String code) {
        String mapped = tagChannels.get(code);
        if (mapped != null) {
            return mapped;
        }
        return MESSAGING_CODES.contains(code) ? code : null;
    }

    /** Tag channel codes that are channel ids as they are. */
    private static final Set<String> MESSAGING_CODES = Set.of("wechat", "sms", "email");

    private static Set<String> purposes(String attribute, String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : items(value)) {
            if (!Codes.PURPOSES.contains(p)) {
                throw new IllegalArgumentException(attribute + ": '" + p + "' is not a purpose of " + Codes.PURPOSES);
            }
            out.add(p);
        }
        return Set.copyOf(out);
    }

    private static LinkedHashSet<String> channels(String attribute, String value) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String id : items(value)) {
            if (!CHANNEL_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(attribute + ": '" + id + "' is not a channel id (lower case, digits, '-')");
            }
            out.add(id);
        }
        return out;
    }

    static List<String> items(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String item : value.split(",")) {
            String s = item.strip().toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static void positive(String attribute, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(attribute + ": must be positive, was " + value);
        }
    }

    /** Quiet hours in China Standard Time; {@link #NONE} when not configured. */
    record QuietHours(LocalTime from, LocalTime to) {
        static final QuietHours NONE = new QuietHours(null, null);

        static QuietHours parse(String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            String[] parts = value.strip().split("-", -1);
            try {
                if (parts.length == 2) {
                    LocalTime from = LocalTime.parse(parts[0].strip());
                    LocalTime to = LocalTime.parse(parts[1].strip());
                    if (!from.equals(to)) {
                        return new QuietHours(from, to);
                    }
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            throw new IllegalArgumentException("quietHours: '" + value + "' is not HH:mm-HH:mm with two different times");
        }

        /** When the quiet hours around {@code now} end, or null when {@code now} is not in them. */
        java.time.Instant endIfQuiet(java.time.Instant now) {
            if (from == null) {
                return null;
            }
            java.time.ZonedDateTime local = now.atZone(Codes.TIME_ZONE);
            LocalTime t = local.toLocalTime();
            boolean quiet = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
            if (!quiet) {
                return null;
            }
            java.time.ZonedDateTime end = local.with(to).withSecond(0).withNano(0);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            return end.toInstant();
        }

        @Override
        public String toString() {
            return from == null ? "none" : from + "-" + to;
        }
    }
}
