package org.smarthall.device.keypad.rating.internal;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.RatingKeypad;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.AckEcho;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.KeyPress;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.Message;
import org.smarthall.device.keypad.rating.internal.KeypadCodec.Unknown;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.LinkListener;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.serial.SerialPorts;
import org.smarthall.device.serial.StateEvents;

/**
 * The satisfaction keypads on one RS-485 line. Keypads speak when pressed (unsolicited frames
 * through {@link LinkListener#frame}); each press is acknowledged, so the keypad stops resending
 * it, and a press from a configured window with a mapped key is posted once as
 * {@link DeviceTopics#RATING_KEY}. A press from an unknown address, or of an unmapped key, is
 * acknowledged too (else the keypad would resend it for nothing), counted and logged at DEBUG.
 */
// immediate: the driver must listen whether or not anybody holds its service (the cabins listen to events)
@Component(service = RatingKeypad.class, configurationPid = RatingKeypadBus.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = KeypadConfig.class, factory = true)
@SmartHallPlugin(kind = PluginKind.DEVICE, id = RatingKeypadBus.PLUGIN_ID)
public class RatingKeypadBus implements RatingKeypad {
    public static final String PID = "org.smarthall.device.keypad.rating";
    public static final String PLUGIN_ID = "keypad-rating";
    static final String KIND = "rating-keypad";
    private static final Logger LOG = LoggerFactory.getLogger(RatingKeypadBus.class);

    /** Where ratings go: EventAdmin in the framework, a list in tests. */
    interface Publisher {
        void post(Event event);
    }

    private final KeypadSettings settings;
    private final Publisher publisher;
    private final ResendFilter resends;
    private final SerialLink link;
    /** Acks are written here, not on the link's reader thread: a write may block up to the port's write timeout. */
    private final ExecutorService acker;
    private final AtomicLong ratings = new AtomicLong();
    private final AtomicLong keysIgnored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong acksSent = new AtomicLong();

    @Activate
    public RatingKeypadBus(@Reference SerialPorts ports, @Reference EventAdmin events, KeypadConfig config) {
        this(ports, events::postEvent, KeypadSettings.of(config));
    }

    RatingKeypadBus(SerialPorts ports, Publisher publisher, KeypadSettings settings) {
        this.settings = settings;
        this.publisher = publisher;
        this.resends = new ResendFilter(settings.duplicateWindow());
        this.acker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keypad-rating ack " + settings.deviceId());
            t.setDaemon(true);
            return t;
        });
        this.link = ports.open(settings.link(), KeypadCodec.INSTANCE,
                new StateEvents(settings.deviceId(), settings.hall(), publisher::post, this::heard));
    }

    @Deactivate
    void stop() {
        acker.shutdown();
        try {
            acker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }

    @Override
    public DeviceInfo info() {
        return link.deviceInfo(settings.deviceId(), KIND, settings.hall());
    }

    /** Ratings posted since the driver started. */
    long ratings() {
        return ratings.get();
    }

    /** Good frames that gave no rating: unknown address, unmapped key, unknown frame type. */
    long keysIgnored() {
        return keysIgnored.get();
    }

    /** Resends of a press already posted (its acknowledgement was lost). */
    long duplicates() {
        return duplicates.get();
    }

    long acksSent() {
        return acksSent.get();
    }

    /** On the link's reader thread: decide, post, then acknowledge. */
    private void heard(Frame frame) {
        Message message = KeypadCodec.decode(frame);
        if (message instanceof KeyPress press) {
            try {
                if (resends.isNew(press, System.nanoTime())) {
                    rate(press, frame.firstByteMillis());
                } else {
                    duplicates.incrementAndGet();
                    LOG.debug("{}: resend of press {} from address {} dropped", settings.deviceId(),
                            press.sequence(), press.address());
                }
            } finally {
                // even when posting failed: the resend would be taken for a duplicate anyway
                acknowledge(press);
            }
        } else if (message instanceof AckEcho) {
            // our own acknowledgement, echoed by an RS-485 adapter that hears itself: nothing to do
        } else if (message instanceof Unknown u) {
            keysIgnored.incrementAndGet();
            LOG.debug("{}: frame type {} (length {}) from address {} ignored", settings.deviceId(),
                    Integer.toHexString(u.type()), u.len(), u.address());
        }
    }

    private void rate(KeyPress press, long firstByteMillis) {
        String window = settings.windows().get(press.address());
        Integer score = settings.keyMap().get(press.key());
        if (window == null || score == null) {
            keysIgnored.incrementAndGet();
            LOG.debug("{}: key {} from address {} ignored ({})", settings.deviceId(), press.key(), press.address(),
                    window == null ? "no window has this address" : "the key map does not list this key");
            return;
        }
        publisher.post(new Event(DeviceTopics.RATING_KEY, Map.of(DeviceTopics.PROPERTY_DEVICE, settings.deviceId(),
                DeviceTopics.PROPERTY_HALL, settings.hall(), DeviceTopics.PROPERTY_WINDOW, window,
                DeviceTopics.PROPERTY_SCORE, score, DeviceTopics.PROPERTY_TIMESTAMP, firstByteMillis)));
        ratings.incrementAndGet();
        LOG.debug("{}: window {} rated {}", settings.deviceId(), window, score);
    }

    private void acknowledge(KeyPress press) {
        byte[] ack = KeypadCodec.ack(press.address(), press.sequence());
        try {
            acker.execute(() -> {
                try {
                    link.write(ack);
                    acksSent.incrementAndGet();
                } catch (DeviceException e) {
                    // the keypad resends; the resend is acknowledged or the press is lost with the line
                    LOG.debug("{}: ack to address {} not sent: {}", settings.deviceId(), press.address(),
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

}
