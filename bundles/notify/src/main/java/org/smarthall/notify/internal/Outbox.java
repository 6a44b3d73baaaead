package org.smarthall.notify.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.ConflictException;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.InvalidInputException.Violation;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Consent;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.notify.Notification;
import org.smarthall.api.notify.NotificationAttempt;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.notify.NotificationQuery;
import org.smarthall.api.notify.NotificationRequest;
import org.smarthall.api.notify.NotificationState;
import org.smarthall.api.notify.Notifications;
import org.smarthall.api.notify.Submitted;
import org.smarthall.api.store.Database;
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagResults;

/**
 * The transactional outbox. {@link #submit} stores a message (in its own transaction or the
 * caller's) and wakes the {@link Dispatcher}, which routes, paces, sends and retries it over the
 * channel bundles installed now. Channels come and go at runtime: a message whose only allowed
 * channel is missing waits for it with backoff.
 */
@Component(service = {Notifications.class, Outbox.class}, configurationPid = Outbox.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NotifyConfig.class)
public class Outbox implements Notifications {
    public static final String PID = "org.smarthall.notify";
    static final String PREFERENCE_THEME = "channel-preference";
    static final int MAX_TEXT = 2000;
    static final int MAX_KEY = 120;
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Database database;
    private final CustomerRepository customers;
    private final Bindings bindings;
    private final NotifySettings settings;
    private final Clock clock;
    private final Map<String, NotificationChannel> channels = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TagResults tags;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public Outbox(@Reference Database database, @Reference CustomerRepository customers, @Reference Bindings bindings,
            NotifyConfig config) {
        this(database, customers, bindings, NotifySettings.of(config), Clock.systemUTC(),
                System.getProperty("karaf.name", "smarthall"));
        dispatcher.start();
    }

    /** For tests: call {@link #start()} when the channels are added. */
    Outbox(Database database, CustomerRepository customers, Bindings bindings, NotifySettings settings, Clock clock,
            String node) {
        this.database = database;
        this.customers = customers;
        this.bindings = bindings;
        this.settings = settings;
        this.clock = clock;
        Router router = new Router(settings, new Router.Lookup() {
            @Override
            public Map<String, Consent> consents(String account) {
                try (Connection c = database.dataSource().getConnection()) {
                    return ConsentBook.inForce(c, account);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read consents: " + e.getMessage(), e);
                }
            }

            @Override
            public Optional<String> address(String account, String channel) {
                return Router.SMS.equals(channel) ? customers.phoneNumber(account) : bindings.address(account, channel);
            }

            @Override
            public List<String> tagOrder(String account) {
                return preference(account);
            }
        });
        this.dispatcher = new Dispatcher(database, settings, router, channels, clock, node, this::post);
    }

    void start() {
        dispatcher.start();
    }

    @Deactivate
    void deactivate() {
        dispatcher.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(NotificationChannel channel) {
        channels.put(channel.id(), channel);
        LOG.info("Channel {} is available to the outbox", channel.id());
        dispatcher.wake();
    }

    void removeChannel(NotificationChannel channel) {
        channels.remove(channel.id(), channel);
        LOG.info("Channel {} left the outbox; its messages wait or go elsewhere", channel.id());
    }

    Map<String, NotificationChannel> channels() {
        return Map.copyOf(channels);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The customer's channels by preference: the preferred channel, then the ranking. */
    private List<String> preference(String account) {
        TagResults t = tags;
        if (t == null) {
            return List.of();
        }
        List<String> order = new ArrayList<>();
        try {
            for (CustomerTag tag : t.of(account)) {
                if (!PREFERENCE_THEME.equals(tag.theme()) || "unknown".equals(tag.value())) {
                    continue;
                }
                if ("preferred".equals(tag.dimension())) {
                    order.add(0, tag.value());
                } else if ("ranking".equals(tag.dimension())) {
                    for (String code : tag.value().split(",")) {
                        order.add(code.strip());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Tags of a customer unreadable, routing by the fallback order: {}", e.toString());
            return List.of();
        }
        return order;
    }

    private void post(org.osgi.service.event.Event event) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(event);
        }
    }

    // ------------------------------------------------------------------ Notifications

    @Override
    public Submitted submit(NotificationRequest request) {
        OutboxStore.Row row = validated(request);
        try {
            Submitted submitted = database.inTransaction(c -> store(c, row));
            if (submitted.created()) {
                dispatcher.wake();
            }
            return submitted;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                // a concurrent submit with the same key won: answer its message
                return find(c -> OutboxStore.findByKey(c, row.idemKey())).map(n -> new Submitted(n, false))
                        .orElseThrow(() -> new IllegalStateException("cannot store a message: " + e.getMessage(), e));
            }
            throw new IllegalStateException("cannot store a message: " + e.getMessage(), e);
        }
    }

    @Override
    public Submitted submit(Connection connection, NotificationRequest request) {
        OutboxStore.Row row = validated(request);
        try {
            return store(connection, row);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a message: " + e.getMessage(), e);
        }
    }

    private static Submitted store(Connection c, OutboxStore.Row row) throws SQLException {
        Optional<OutboxStore.Row> seen = OutboxStore.findByKey(c, row.idemKey());
        if (seen.isPresent()) {
            return new Submitted(seen.get().toNotification(), false);
        }
        OutboxStore.insert(c, row);
        return new Submitted(row.toNotification(), true);
    }

    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Checks a request and makes the row to store. */
    OutboxStore.Row validated(NotificationRequest r) {
        if (r == null) {
            throw new InvalidInputException("body", "a message is required");
        }
        List<Violation> v = new ArrayList<>();
        String purpose = r.purpose() == null ? null : r.purpose().strip().toLowerCase(Locale.ROOT);
        if (purpose == null || !Codes.PURPOSES.contains(purpose)) {
            v.add(new Violation("purpose", "'" + r.purpose() + "' is not one of " + Codes.PURPOSES));
        }
        String account = blankToNull(r.account());
        String hall = blankToNull(r.hall());
        String channel = blankToNull(r.channel());
        if (account == null && hall == null) {
            v.add(new Violation("account", "an account (a customer) or a hall (its screens) is required"));
        } else if (account != null && hall != null) {
            v.add(new Violation("hall", "give an account or a hall, not both"));
        } else if (account != null && customers.find(account).isEmpty()) {
            v.add(new Violation("account", "no customer " + account));
        } else if (hall != null && !hall.matches("[A-Za-z0-9_-]{1,40}")) {
            v.add(new Violation("hall", "a hall id is 1 to 40 letters, digits, '_' or '-'"));
        }
        if (channel != null && !NotifySettings.CHANNEL_ID.matcher(channel).matches()) {
            v.add(new Violation("channel", "'" + channel + "' is not a channel id"));
        } else if (hall != null && channel != null && !Router.HALL_SCREEN.equals(channel)) {
            v.add(new Violation("channel", "a message to a hall goes to its screens: channel hall-screen or none"));
        } else if (account != null && Router.HALL_SCREEN.equals(channel)) {
            v.add(new Violation("channel", "hall-screen shows messages to a hall, not to a customer"));
        }
        String text = blankToNull(r.text());
        String template = blankToNull(r.template());
        if (text == null && template == null) {
            v.add(new Violation("text", "a text or a template is required"));
        }
        if (text != null && text.length() > MAX_TEXT) {
            v.add(new Violation("text", "longer than " + MAX_TEXT + " characters"));
        }
        if (template != null && template.length() > 100) {
            v.add(new Violation("template", "longer than 100 characters"));
        }
        for (Map.Entry<String, String> p : r.parameters().entrySet()) {
            if (p.getKey() == null || p.getKey().isBlank() || p.getKey().length() > 40 || p.getValue() == null) {
                v.add(new Violation("parameters." + p.getKey(), "a parameter needs a name of at most 40 characters and a value"));
            }
        }
        if (v.isEmpty() && OutboxStore.json(r.parameters()).length() > 4000) {
            v.add(new Violation("parameters", "longer than 4000 characters as JSON"));
        }
        String key = blankToNull(r.idempotencyKey());
        if (key != null && key.length() > MAX_KEY) {
            v.add(new Violation("idempotencyKey", "longer than " + MAX_KEY + " characters"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        boolean urgent = r.urgent() || settings.urgentPurposes().contains(purpose);
        return new OutboxStore.Row(id, key == null ? id : key, account, hall, purpose, channel, null, null, template,
                r.parameters(), text, urgent, r.requireConsent(), NotificationState.PENDING, 0, now, null, null, null,
                null, now, now, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public Optional<Notification> find(String id) {
        return find(c -> OutboxStore.find(c, id));
    }

    private Optional<Notification> find(SqlFind finder) {
        try (Connection c = database.dataSource().getConnection()) {
            return finder.find(c).map(OutboxStore.Row::toNotification);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlFind {
        Optional<OutboxStore.Row> find(Connection c) throws SQLException;
    }

    @Override
    public List<NotificationAttempt> attempts(String id) {
        try (Connection c = database.dataSource().getConnection()) {
            return OutboxStore.attempts(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Notification> list(NotificationQuery query) {
        try (Connection c = database.dataSource().getConnection()) {
            return OutboxStore.list(c, query).stream().map(OutboxStore.Row::toNotification).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    /** How many messages a query finds, for paging. */
    long count(NotificationQuery query) {
        try (Connection c = database.dataSource().getConnection()) {
            return OutboxStore.count(c, query);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<NotificationState, Long> counts() {
        try (Connection c = database.dataSource().getConnection()) {
            return OutboxStore.counts(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public Notification retry(String id, String user) {
        Instant now = clock.instant();
        try {
            Notification n = database.inTransaction(c -> {
                OutboxStore.Row row = OutboxStore.find(c, id).orElseThrow(() -> new NotFoundException("message", id));
                if (row.state() != NotificationState.IN_DOUBT && row.state() != NotificationState.FAILED) {
                    throw new ConflictException("message " + id + " is " + row.state()
                            + ": only a message held IN_DOUBT or dead-lettered FAILED is sent again by hand");
                }
                if (!OutboxStore.move(c, id, row.state(), null, NotificationState.PENDING, 0, now, null,
                        "sent again by " + user, null, now)) {
                    throw new ConflictException("message " + id + " changed meanwhile; look again");
                }
                OutboxStore.addAttempt(c, id, row.attempts(), now, row.channel(), "RESENT",
                        "sent again by " + user + " after " + row.state());
                return OutboxStore.find(c, id).orElseThrow().toNotification();
            });
            dispatcher.wake();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot retry a message: " + e.getMessage(), e);
        }
    }
}
