package org.smarthall.cabin.guidance.internal;

import java.time.Clock;
import java.util.Optional;
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
import org.smarthall.cabin.guidance.Portrait;

/**
 * What the cabin's two faces share: the {@link SwipeListener} publishes portraits here, the
 * {@link GuidanceResource} serves them. Owns the settings, the route rules, the per-hall streams
 * and the thread that writes heartbeats and closes gone streams. A service private to this bundle.
 *
 * <p>Configuration PID {@value #PID}, optional: the defaults serve a hall as they are. No modified
 * method: a changed configuration restarts the hub, and with it the listener and the resource; the
 * screens reconnect on their own and the buffers start empty.
 */
@Component(service = GuidanceHub.class, configurationPid = GuidanceHub.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GuidanceConfig.class)
public class GuidanceHub {
    public static final String PID = "org.smarthall.cabin.guidance";
    private static final Logger LOG = LoggerFactory.getLogger(GuidanceHub.class);

    private final GuidanceSettings settings;
    private final Clock clock;
    private final RouteAdvisor advisor;
    private final ScheduledExecutorService worker;
    private final GuidanceStreams streams;

    /**
     * Also the plain-Java way in (the bench): pass a configuration instance, e.g. test-support's
     * {@code Annotations.of(GuidanceConfig.class)}.
     *
     * @throws IllegalArgumentException when the configuration makes no sense; the message names the attribute
     */
    @Activate
    public GuidanceHub(GuidanceConfig config) {
        this(GuidanceSettings.of(config), Clock.systemUTC());
    }

    GuidanceHub(GuidanceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.advisor = new RouteAdvisor(settings.rules());
        this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "smarthall-guidance-streams");
            thread.setDaemon(true);
            return thread;
        });
        this.streams = new GuidanceStreams(settings.replaySize(), settings.latestTtl(), clock, worker);
        long every = settings.heartbeat().toMillis();
        worker.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Guidance: latest portrait kept {} min, replay of {} per hall, route rules {}",
                settings.latestTtl().toMinutes(), settings.replaySize(), settings.rules());
    }

    GuidanceSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    RouteAdvisor advisor() {
        return advisor;
    }

    GuidanceStreams streams() {
        return streams;
    }

    /** Shows a portrait on its hall's guidance screens and keeps it as the hall's latest. */
    void publish(Portrait portrait) {
        streams.publish(GuidanceEvent.of(portrait));
    }

    /** The hall's latest portrait within the time to live. */
    public Optional<Portrait> latest(String hall) {
        return streams.latest(hall).map(GuidanceEvent::portrait);
    }

    @Deactivate
    public void stop() {
        worker.shutdownNow();
        streams.closeAll();
    }

    private void heartbeat() {
        try {
            streams.heartbeat();
        } catch (RuntimeException e) {
            LOG.warn("Guidance streams heartbeat failed: {}", e.toString());
        }
    }
}
