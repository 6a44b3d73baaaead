package org.smarthall.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.store.Database;

/**
 * Where a customer is reached on the channels the customer base does not hold: the WeChat openid
 * of the official account, the app user id, an e-mail address. They are bound when the customer
 * binds the account (户号绑定) in WeChat or the app, or gives an address in the hall. Stored
 * encrypted with the province's key, shown masked.
 */
@Component(service = Bindings.class)
public class Bindings {
    /** What a binding looks like to staff. */
    public record Binding(String channel, String address, Instant boundAt) {
    }

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,}");
    static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9_-]{6,128}");

    private final Database database;
    private final PiiProtector pii;
    private final Clock clock;

    @Activate
    public Bindings(@Reference Database database, @Reference PiiProtector pii) {
        this(database, pii, Clock.systemUTC());
    }

    Bindings(Database database, PiiProtector pii, Clock clock) {
        this.database = database;
        this.pii = pii;
        this.clock = clock;
    }

    /** The address in clear, for sending only. */
    Optional<String> address(String account, String channel) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT address_enc FROM sh_channel_binding WHERE account = ? AND channel = ?")) {
            s.setString(1, account);
            s.setString(2, channel);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(pii.decrypt(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a channel binding: " + e.getMessage(), e);
        }
    }

    public List<Binding> of(String account) {
        List<Binding> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT channel, address_masked, bound_at FROM sh_channel_binding"
                        + " WHERE account = ? ORDER BY channel")) {
            s.setString(1, account);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Binding(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read channel bindings: " + e.getMessage(), e);
        }
        return out;
    }

    /** Binds (or re-binds) an address; answers the binding as shown. */
    public Binding bind(String account, String channel, String address) {
        String clean = address == null ? "" : address.strip();
        String masked = switch (channel) {
            case "email" -> {
                if (!EMAIL.matcher(clean).matches()) {
                    throw new InvalidInputException("address", "not an e-mail address");
                }
                yield maskEmail(clean);
            }
            case "wechat", "app-push" -> {
                if (!OPAQUE_ID.matcher(clean).matches()) {
                    throw new InvalidInputException("address", "a " + channel + " user id is 6 to 128 letters, digits, '_' or '-'");
                }
                yield maskOpaque(clean);
            }
            default -> throw new InvalidInputException("channel",
                    "'" + channel + "' takes no binding: one of wechat, app-push, email (SMS goes to the customer's phone)");
        };
        Instant now = clock.instant();
        try {
            database.inTransaction(c -> {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM sh_channel_binding WHERE account = ? AND channel = ?")) {
                    d.setString(1, account);
                    d.setString(2, channel);
                    d.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO sh_channel_binding (account, channel,"
                        + " address_enc, address_masked, bound_at) VALUES (?, ?, ?, ?, ?)")) {
                    s.setString(1, account);
                    s.setString(2, channel);
                    s.setString(3, pii.encrypt(clean));
                    s.setString(4, masked);
                    s.setTimestamp(5, Timestamp.from(now));
                    s.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a channel binding: " + e.getMessage(), e);
        }
        return new Binding(channel, masked, now);
    }

    /** Unbinds; false when there was nothing bound. */
    public boolean unbind(String account, String channel) {
        try {
            return database.inTransaction(c -> {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM sh_channel_binding WHERE account = ? AND channel = ?")) {
                    d.setString(1, account);
                    d.setString(2, channel);
                    return d.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove a channel binding: " + e.getMessage(), e);
        }
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    static String maskOpaque(String id) {
        return id.substring(0, 4) + "****" + id.substring(id.length() - 2);
    }
}
