package org.smarthall.ingest.internal.zone;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.hall.Hall;
import org.smarthall.api.hall.IngestResult.Rejected;
import org.smarthall.api.hall.ZoneEvent;

/** The rules of docs/formats.md for one zone event of a batch sent to a hall. */
final class ZoneEventRules {
    static final int MAX_VISITOR = 64;
    static final int MAX_DETAIL = 40;
    /** How far ahead of our clock a sensor's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{10}");

    private final Hall hall;
    private final Set<String> knownAccounts;
    private final Instant latest;

    ZoneEventRules(Hall hall, Set<String> knownAccounts, Instant now) {
        this.hall = hall;
        this.knownAccounts = knownAccounts;
        this.latest = now.plus(CLOCK_SKEW);
    }

    /** An account worth looking up: the others are rejected without asking the database. */
    static boolean wellFormedAccount(String account) {
        return account != null && ACCOUNT.matcher(account).matches();
    }

    /**
     * The event as checked and stored: blank optional fields missing, the time cut to the
     * microseconds both databases keep (so that a resent event compares equal to the stored one).
     */
    static ZoneEvent normalized(ZoneEvent e) {
        return new ZoneEvent(e.hall(), e.zone(), e.visitor(), blankAsMissing(e.account()), e.kind(),
                e.at() == null ? null : e.at().truncatedTo(ChronoUnit.MICROS), blankAsMissing(e.detail()));
    }

    /** The first rule the (normalized) event at this position of the batch breaks, if any. */
    Optional<Rejected> fault(int index, ZoneEvent e) {
        String field;
        String reason;
        if (e.hall() != null && !e.hall().equals(hall.id())) {
            field = "hall";
            reason = "event of hall '" + e.hall() + "' sent to hall '" + hall.id() + "'";
        } else if (e.zone() == null || e.zone().isBlank()) {
            field = "zone";
            reason = "required";
        } else if (!hall.zones().contains(e.zone())) {
            field = "zone";
            reason = "unknown zone '" + e.zone() + "'; hall " + hall.id() + " has " + String.join(", ", hall.zones());
        } else if (e.kind() == null || e.kind().isBlank()) {
            field = "kind";
            reason = "required";
        } else if (!Codes.ZONE_EVENT_KINDS.contains(e.kind())) {
            field = "kind";
            reason = "unknown kind '" + e.kind() + "'; one of " + String.join(", ", Codes.ZONE_EVENT_KINDS);
        } else if (e.visitor() == null || e.visitor().isBlank()) {
            field = "visitor";
            reason = "required";
        } else if (e.visitor().length() > MAX_VISITOR) {
            field = "visitor";
            reason = "at most " + MAX_VISITOR + " characters";
        } else if (e.account() != null && !wellFormedAccount(e.account())) {
            field = "account";
            reason = "must be 10 digits";
        } else if (e.account() != null && !knownAccounts.contains(e.account())) {
            field = "account";
            reason = "unknown account";
        } else if (e.at() == null) {
            field = "at";
            reason = "required";
        } else if (e.at().isAfter(latest)) {
            field = "at";
            reason = "more than " + CLOCK_SKEW.toMinutes() + " minutes in the future";
        } else if (e.detail() != null && e.detail().length() > MAX_DETAIL) {
            field = "detail";
            reason = "at most " + MAX_DETAIL + " characters";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Rejected(index, field, reason));
    }

    private static String blankAsMissing(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
