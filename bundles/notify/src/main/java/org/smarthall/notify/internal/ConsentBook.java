package org.smarthall.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.InvalidInputException.Violation;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Consent;
import org.smarthall.api.notify.Consents;
import org.smarthall.api.store.Database;

/**
 * Consents over the customer base's consent history ({@code sh_consent}): imports append to it,
 * and so do staff (PUT /customers/{account}/consents) and providers that say a person refused
 * (WeChat 43101, the app's push_disabled). The row with the latest time per purpose and channel
 * is in force. Rows written here carry batch 0: they came from no import.
 */
@Component(service = {Consents.class, ConsentBook.class})
public class ConsentBook implements Consents {
    /** The batch id of consents that no import brought. */
    static final long NO_BATCH = 0L;

    private final Database database;
    private final Clock clock;

    @Activate
    public ConsentBook(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    ConsentBook(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Consent> of(String account) {
        try (Connection c = database.dataSource().getConnection()) {
            return List.copyOf(inForce(c, account).values());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read consents: " + e.getMessage(), e);
        }
    }

    /** The consents in force, keyed by purpose and channel code ({@code purchase_reminder/wechat}). */
    static Map<String, Consent> inForce(Connection c, String account) throws SQLException {
        Map<String, Consent> latest = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT purpose, channel, granted, occurred_at, place FROM sh_consent"
                + " WHERE account = ? ORDER BY occurred_at")) {
            s.setString(1, account);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Consent consent = new Consent(account, r.getString(1), r.getString(2), r.getShort(3) == 1,
                            r.getTimestamp(4).toInstant(), r.getString(5));
                    latest.put(key(consent.purpose(), consent.channel()), consent);
                }
            }
        }
        return latest;
    }

    static String key(String purpose, String channelCode) {
        return purpose + "/" + channelCode;
    }

    @Override
    public Consent record(Consent consent) {
        Consent checked = checked(consent, clock.instant());
        try {
            return database.inTransaction(c -> record(c, checked));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a consent: " + e.getMessage(), e);
        }
    }

    /** Records checked consents together: all or none. */
    void recordAll(List<Consent> checked) {
        try {
            database.inTransaction(c -> {
                for (Consent consent : checked) {
                    record(c, consent);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record consents: " + e.getMessage(), e);
        }
    }

    /** Records in the caller's transaction; a consent at the very same millisecond moves on by one. */
    static Consent record(Connection c, Consent consent) throws SQLException {
        Instant at = consent.at().truncatedTo(ChronoUnit.MILLIS);
        for (int tries = 0; ; tries++) {
            if (!exists(c, consent, at)) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_consent (account, purpose, channel,"
                        + " occurred_at, granted, place, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, consent.account());
                    s.setString(2, consent.purpose());
                    s.setString(3, consent.channel());
                    s.setTimestamp(4, Timestamp.from(at));
                    s.setShort(5, (short) (consent.granted() ? 1 : 0));
                    s.setString(6, consent.place());
                    s.setLong(7, NO_BATCH);
                    s.executeUpdate();
                }
                return new Consent(consent.account(), consent.purpose(), consent.channel(), consent.granted(), at,
                        consent.place());
            }
            if (tries > 100) {
                throw new SQLException("no free time for a consent of " + consent.account());
            }
            at = at.plusMillis(1);
        }
    }

    private static boolean exists(Connection c, Consent consent, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sh_consent WHERE account = ? AND purpose = ?"
                + " AND channel = ? AND occurred_at = ?")) {
            s.setString(1, consent.account());
            s.setString(2, consent.purpose());
            s.setString(3, consent.channel());
            s.setTimestamp(4, Timestamp.from(at));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Checks the codes; a consent without a time is given now. */
    static Consent checked(Consent consent, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (consent == null) {
            throw new InvalidInputException("body", "a consent is required");
        }
        if (consent.account() == null || consent.account().isBlank()) {
            violations.add(new Violation("account", "is required"));
        }
        if (!Codes.PURPOSES.contains(consent.purpose())) {
            violations.add(new Violation("purpose", "'" + consent.purpose() + "' is not one of " + Codes.PURPOSES));
        }
        if (!Codes.CHANNELS.contains(consent.channel())) {
            violations.add(new Violation("channel", "'" + consent.channel() + "' is not one of " + Codes.CHANNELS));
        }
        if (!Codes.CONSENT_PLACES.contains(consent.place())) {
            violations.add(new Violation("place", "'" + consent.place() + "' is not one of " + Codes.CONSENT_PLACES));
        }
        if (consent.at() != null && consent.at().isAfter(now.plusSeconds(60))) {
            violations.add(new Violation("at", "is in the future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return consent.at() != null ? consent
                : new Consent(consent.account(), consent.purpose(), consent.channel(), consent.granted(), now,
                        consent.place());
    }
}
