package org.smarthall.channel.hallscreen.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall screens of this node, shared by the two faces of the channel: the
 * {@link HallScreenChannel} (a {@code NotificationChannel} the outbox sends through) and the
 * {@link HallScreenResource} (the JAX-RS stream screens connect to). It owns the
 * {@link HallScreens} registry, its settings and the thread that writes heartbeats and closes
 * dead streams.
 *
 * <p>Why three components and not one that is both channel and resource: the whiteboard
 * properties of a resource ({@code osgi.jaxrs.resource}, the application select) and the plugin
 * properties of a channel would all land on one registration, and the two come and go for
 * different reasons (the SmartHall application waits for its extensions; the outbox only needs
 * the channel). The registry is a service private to this bundle: its package is not exported.
 *
 * <p>Configuration PID {@value #PID}, optional: the defaults serve a hall as they are. No
 * modified method on purpose: a changed configuration restarts the hub and with it the channel
 * and the resource; the screens reconnect on their own (EventSource does) and the replay buffers
 * start empty.
 */
@Component(service = HallScreenHub.class, configurationPid = HallScreenHub.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HallScreenConfig.class)
public class HallScreenHub {
    public static final String PID = "org.smarthall.channel.hallscreen";
    private static final Logger LOG = LoggerFactory.getLogger(HallScreenHub.class);

    private final HallScreenSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final HallScreens screens;

    /** @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute */
    @Activate
    public HallScreenHub(HallScreenConfig config) {
        this(HallScreenSettings.of(config), Clock.systemUTC());
    }

    HallScreenHub(HallScreenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "smarthall-hall-screens");
            thread.setDaemon(true);
            return thread;
        });
        this.screens = new HallScreens(settings.bufferSize(), settings.replayWindow(), settings.deliveryWait(),
                settings.rememberedMessages(), clock, worker);
        long every = settings.heartbeat().toMillis();
        worker.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Hall screens: replay of {} events per hall for {} min, heartbeat every {} s", settings.bufferSize(),
                settings.replayWindow().toMinutes(), settings.heartbeat().toSeconds());
    }

    HallScreenSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    HallScreens screens() {
        return screens;
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
        screens.closeAll();
    }

    private void heartbeat() {
        try {
            screens.heartbeat();
        } catch (RuntimeException e) {
            // a failed round must not end the schedule: the next one is the retry
            LOG.warn("Hall screens heartbeat failed: {}", e.toString());
        }
    }
}
