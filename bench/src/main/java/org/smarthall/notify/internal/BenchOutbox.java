package org.smarthall.notify.internal;

import java.time.Clock;
import java.util.Map;

import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.notify.NotificationChannel;
import org.smarthall.api.store.Database;
import org.smarthall.testing.Annotations;

/**
 * The outbox as the notify benchmark runs it, without OSGi: the outbox's test constructor,
 * {@code start()}, {@code addChannel} and the dispatcher's counters are package-private, so this
 * class lives in the bundle's package (in the bench module, not in the bundle) and opens just
 * those. The configuration is {@link NotifyConfig}'s attributes by name, defaults for the rest.
 */
public final class BenchOutbox implements AutoCloseable {
    private final Outbox outbox;
    private final NotifySettings settings;

    /** Assembles the outbox with these channels; its dispatcher sends nothing before {@link #start()}. */
    public BenchOutbox(Database database, CustomerRepository customers, Bindings bindings, Map<String, Object> config,
            String node, NotificationChannel... channels) {
        settings = NotifySettings.of(Annotations.of(NotifyConfig.class, config));
        outbox = new Outbox(database, customers, bindings, settings, Clock.systemUTC(), node);
        for (NotificationChannel channel : channels) {
            outbox.addChannel(channel);
        }
    }

    /** Starts the dispatcher: from now on it claims and sends what is due. */
    public void start() {
        outbox.start();
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Sends handed to channels since start: more than the messages when some were sent again (retries). */
    public long sends() {
        return outbox.dispatcher().sends();
    }

    /** The settings that pace the dispatcher, as one line. */
    public String describe() {
        return "threads " + settings.threads() + ", batch " + settings.batch() + ", poll " + settings.poll().toMillis()
                + " ms, rate limits " + settings.rateLimits() + ", quiet hours " + settings.quietHours()
                + ", max attempts " + settings.maxAttempts() + ", first retry " + settings.backoff().toSeconds() + " s";
    }

    /** Stops the dispatcher (waits a little for sends under way, as on deactivation). */
    @Override
    public void close() {
        outbox.deactivate();
    }
}
