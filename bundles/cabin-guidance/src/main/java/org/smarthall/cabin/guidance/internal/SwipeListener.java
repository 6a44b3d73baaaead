package org.smarthall.cabin.guidance.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerRepository;
import org.smarthall.api.customer.PiiProtector;
import org.smarthall.api.event.HallTopics;
import org.smarthall.api.hall.HallActivity;
import org.smarthall.api.hall.IngestResult;
import org.smarthall.api.hall.ZoneEvent;
import org.smarthall.api.platform.HealthCheck;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.cabin.guidance.GuidanceEvents;
import org.smarthall.cabin.guidance.Portrait;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.IdCard;

/**
 * Cabin {@value #ID}: swipe to portrait. On every {@link DeviceTopics#CARD_READ} the card is
 * checked here, on the EventAdmin thread, and handed to a small executor that does the database
 * work ({@link PortraitBuilder}); then, in this order,
 * <ol>
 * <li>{@link HallTopics#CUSTOMER_IDENTIFIED} is posted with the properties of {@link GuidanceEvents};</li>
 * <li>the portrait goes to the hall's guidance stream and becomes its latest;</li>
 * <li>the {@code card_swipe} touchpoint is recorded through {@link HallActivity} (zone
 * {@value #ZONE}, visitor {@code card-<portrait id>}, the primary account when known), last because
 * it is a database write nobody waits for. A failure there (no ingest bundle, hall unknown,
 * database down) never stops the portrait: warned once, then counted.</li>
 * </ol>
 *
 * <p>Budget (issue 8): 300 ms from the first byte of the card's answer on the wire to the portrait
 * event, 112 ms of it the wire. The event carries both ends ({@code cardTimestamp},
 * {@code portraitAt}); {@link #metrics()} keeps the cabin's own part over the last swipes and the
 * health check ({@code guidance}) shows it.
 *
 * <p>PII: the ID number is hashed and forgotten; log lines carry the masked number at most. The
 * card's photo is not used.
 *
 * <p>Outside OSGi (the bench): {@code new SwipeListener(hub, repository, pii, eventAdmin, Clock.systemUTC())},
 * then {@link #addFacet} and {@link #bindHallActivity} as needed, {@link #handleEvent} per card
 * event, {@link #stop()} at the end.
 */
@Component(service = {EventHandler.class, HealthCheck.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + DeviceTopics.CARD_READ)
@SmartHallPlugin(kind = PluginKind.CABIN, id = SwipeListener.ID)
public class SwipeListener implements EventHandler, HealthCheck {
    public static final String ID = "guidance";
    static final String ZONE = "guidance";
    static final String TOUCHPOINT = "card_swipe";
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(SwipeListener.class);

    private final GuidanceHub hub;
    private final EventAdmin events;
    private final Clock clock;
    private final GuidanceMetrics metrics = new GuidanceMetrics();
    private final List<CustomerFacet> facets = new CopyOnWriteArrayList<>();
    private final PortraitBuilder builder;
    private final ThreadPoolExecutor executor;
    private final String idPrefix;
    private final AtomicLong sequence = new AtomicLong();
    private volatile HallActivity halls;
    private volatile boolean touchpointWarned;
    private volatile boolean droppedWarned;

    @Activate
    public SwipeListener(@Reference GuidanceHub hub, @Reference CustomerRepository customers,
            @Reference PiiProtector pii, @Reference EventAdmin events) {
        this(hub, customers, pii, events, Clock.systemUTC());
    }

    public SwipeListener(GuidanceHub hub, CustomerRepository customers, PiiProtector pii, EventAdmin events,
            Clock clock) {
        this.hub = hub;
        this.events = events;
        this.clock = clock;
        this.builder = new PortraitBuilder(customers, pii, () -> facets, hub.advisor(), clock, metrics);
        GuidanceSettings settings = hub.settings();
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), task -> {
                    Thread thread = new Thread(task, "smarthall-guidance-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.prestartAllCoreThreads();
        // unique across restarts of the bundle, so a screen's old Last-Event-ID never names a new portrait
        this.idPrefix = Long.toString(clock.millis(), 36);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addFacet(CustomerFacet facet) {
        facets.add(facet);
    }

    public void removeFacet(CustomerFacet facet) {
        facets.remove(facet);
    }

    /** Optional: without the ingest bundle the touchpoint is not recorded, the portrait still is. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindHallActivity(HallActivity activity) {
        this.halls = activity;
    }

    public void unbindHallActivity(HallActivity activity) {
        if (this.halls == activity) {
            this.halls = null;
        }
    }

    @Deactivate
    public void stop() {
        executor.shutdownNow();
    }

    /** Checks the card event and queues it; returns at once. */
    @Override
    public void handleEvent(Event event) {
        long received = System.nanoTime();
        metrics.swipes.increment();
        Swipe swipe = swipeOf(event, received);
        if (swipe == null) {
            return;
        }
        try {
            executor.execute(() -> handle(swipe));
        } catch (RejectedExecutionException e) {
            metrics.dropped.increment();
            if (!droppedWarned) {
                droppedWarned = true;
                LOG.warn("Guidance: swipe at hall {} dropped, {} swipes already waiting (queueCapacity); further drops"
                        + " are counted in the health check", swipe.hall(), executor.getQueue().size());
            }
        }
    }

    /** Counters and timings; see {@link GuidanceMetrics}. */
    public String describeMetrics() {
        return metrics.snapshot().describe();
    }

    GuidanceMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    @Override
    public String name() {
        return ID;
    }

    @Override
    public Result check() {
        GuidanceMetrics.Snapshot s = metrics.snapshot();
        Status status = s.failures() + s.dropped() + s.lookupFailures() > 0 ? Status.DEGRADED : Status.UP;
        return new Result(status, s.describe());
    }

    private Swipe swipeOf(Event event, long received) {
        Object card = event.getProperty(DeviceTopics.PROPERTY_CARD);
        Object hall = event.getProperty(DeviceTopics.PROPERTY_HALL);
        Object device = event.getProperty(DeviceTopics.PROPERTY_DEVICE);
        Object timestamp = event.getProperty(DeviceTopics.PROPERTY_TIMESTAMP);
        String problem = null;
        if (!(card instanceof IdCard)) {
            problem = "no card (property card is " + (card == null ? "missing" : card.getClass().getName()) + ")";
        } else if (!(hall instanceof String h) || !HallIds.isValid(h)) {
            problem = "property hall is not " + HallIds.RULE;
        } else if (!(device instanceof String d) || !DEVICE_ID.matcher(d).matches()) {
            problem = "property device is not a device id (1 to 64 letters, digits, '_', '.', ':' or '-')";
        }
        if (problem != null) {
            metrics.refused.increment();
            // the card is not named: not even masked, a refused event may carry anything
            LOG.warn("Guidance: card event refused: {}", problem);
            return null;
        }
        Instant cardAt = timestamp instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : clock.instant();
        return new Swipe((String) hall, (String) device, (IdCard) card, cardAt, received);
    }

    private void handle(Swipe swipe) {
        Portrait portrait;
        try {
            portrait = builder.build(idPrefix + "-" + sequence.incrementAndGet(), swipe);
            events.postEvent(new Event(HallTopics.CUSTOMER_IDENTIFIED, properties(portrait)));
            metrics.time(portrait.portraitAt().toEpochMilli() - swipe.cardAt().toEpochMilli(),
                    (System.nanoTime() - swipe.receivedNanos()) / 1_000);
            metrics.portraits.increment();
            hub.publish(portrait);
        } catch (RuntimeException e) {
            metrics.failures.increment();
            LOG.error("Guidance: the swipe of card {} at hall {} failed", swipe.card().maskedIdNumber(), swipe.hall(), e);
            return;
        }
        LOG.info("Guidance: card {} at hall {} ({}): {}, route {}", swipe.card().maskedIdNumber(), swipe.hall(),
                swipe.device(), portrait.visitor() ? "visitor" : "account " + portrait.account(),
                portrait.route().kind());
        touchpoint(portrait);
    }

    private static Map<String, Object> properties(Portrait p) {
        Map<String, Object> props = new HashMap<>();
        props.put(GuidanceEvents.HALL, p.hall());
        props.put(GuidanceEvents.DEVICE, p.device());
        if (p.account() != null) {
            props.put(GuidanceEvents.ACCOUNT, p.account());
        }
        props.put(GuidanceEvents.VISITOR, p.visitor());
        props.put(GuidanceEvents.CARD_TIMESTAMP, p.cardAt().toEpochMilli());
        props.put(GuidanceEvents.PORTRAIT_AT, p.portraitAt().toEpochMilli());
        props.put(GuidanceEvents.PORTRAIT, p);
        return props;
    }

    private void touchpoint(Portrait p) {
        HallActivity activity = halls;
        if (activity == null) {
            return;
        }
        String why;
        try {
            IngestResult result = activity.record(p.hall(), List.of(new ZoneEvent(p.hall(), ZONE, "card-" + p.id(),
                    p.account(), TOUCHPOINT, p.cardAt(), null)));
            if (result.rejected().isEmpty()) {
                return;
            }
            IngestResult.Rejected r = result.rejected().get(0);
            why = "rejected: " + r.field() + " " + r.reason();
        } catch (RuntimeException e) {
            why = e.toString();
        }
        metrics.touchpointFailures.increment();
        if (!touchpointWarned) {
            touchpointWarned = true;
            LOG.warn("Guidance: the card_swipe touchpoint of hall {} was not recorded ({}); portraits go on, further"
                    + " failures are counted in the health check", p.hall(), why);
        } else {
            LOG.debug("Guidance: card_swipe touchpoint of hall {} not recorded: {}", p.hall(), why);
        }
    }

    /** For tests: the queue is empty and no worker is busy. */
    boolean idle() {
        return executor.getQueue().isEmpty() && executor.getActiveCount() == 0;
    }

    Collection<CustomerFacet> facets() {
        return facets;
    }
}
