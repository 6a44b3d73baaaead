package org.smarthall.device.idcard.sam.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.smarthall.api.customer.Pii;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.SmartHallPlugin;
import org.smarthall.device.api.DeviceException;
import org.smarthall.device.api.DeviceInfo;
import org.smarthall.device.api.DeviceState;
import org.smarthall.device.api.DeviceTopics;
import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.IdCardReader;
import org.smarthall.device.serial.Frame;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.serial.SerialPorts;
import org.smarthall.device.serial.StateEvents;

/**
 * One SAM ID card reader on one port. Every poll: find a card ({@code 20 01}), select it
 * ({@code 20 02}), read it ({@code 30 01}), decode, check the ID number (GB 11643, through
 * {@link Pii}) and post {@link DeviceTopics#CARD_READ}. A card lying on the reader is posted once:
 * again only after the reader has said "no card". A corrupt or lost answer costs one poll.
 *
 * <p>Neither the card's text nor its photo is logged or kept beyond the event; log lines name
 * the device and at most the masked ID number.
 */
// immediate: a reader must poll whether or not anybody holds its service (the cabins listen to events)
@Component(service = IdCardReader.class, configurationPid = SamIdCardReader.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SamReaderConfig.class, factory = true)
@SmartHallPlugin(kind = PluginKind.DEVICE, id = SamIdCardReader.PLUGIN_ID)
public class SamIdCardReader implements IdCardReader {
    public static final String PID = "org.smarthall.device.idcard.sam";
    public static final String PLUGIN_ID = "idcard-sam";
    static final String KIND = "idcard-reader";
    static final byte[] FIND = SamCodec.request(0x20, 0x01);
    static final byte[] SELECT = SamCodec.request(0x20, 0x02);
    static final byte[] READ = SamCodec.request(0x30, 0x01);
    private static final int FOUND = 0x9F;
    private static final int NO_CARD = 0x80;
    private static final int OK = 0x90;
    private static final Logger LOG = LoggerFactory.getLogger(SamIdCardReader.class);

    /** Where readings go: EventAdmin in the framework, a list in tests. */
    interface Publisher {
        void post(Event event);
    }

    private final SamReaderSettings settings;
    private final Publisher publisher;
    private final Clock clock;
    private final SerialLink link;
    private final ScheduledExecutorService poller;
    private final AtomicLong cardsRead = new AtomicLong();
    private final AtomicLong cardsRefused = new AtomicLong();
    /** A hash of the card now on the reader, once posted; never the number itself. */
    private byte[] cardOnReader;

    @Activate
    public SamIdCardReader(@Reference SerialPorts ports, @Reference EventAdmin events, SamReaderConfig config) {
        this(ports, events::postEvent, SamReaderSettings.of(config), Clock.systemDefaultZone());
    }

    SamIdCardReader(SerialPorts ports, Publisher publisher, SamReaderSettings settings, Clock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
        // late answers (their request timed out) are dropped; state changes are posted
        this.link = ports.open(settings.link(), SamCodec.INSTANCE,
                new StateEvents(settings.deviceId(), settings.hall(), publisher::post));
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idcard-sam " + settings.deviceId());
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(settings.answerTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }

    @Override
    public DeviceInfo info() {
        return link.deviceInfo(settings.deviceId(), KIND, settings.hall());
    }

    /** Cards posted since the driver started. */
    long cardsRead() {
        return cardsRead.get();
    }

    /** Card reads dropped: not decodable, or an ID number that fails the GB 11643 check. */
    long cardsRefused() {
        return cardsRefused.get();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (DeviceException e) {
            LOG.debug("{}: {}", settings.deviceId(), e.getMessage());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep polling
            LOG.warn("{}: poll failed: {}", settings.deviceId(), e.getClass().getName());
        }
    }

    private void poll() throws DeviceException {
        if (link.state() != DeviceState.CONNECTED) {
            return;
        }
        Optional<Frame> found = ask(FIND);
        if (found.isEmpty()) {
            return;
        }
        int status = found.get().at(SamCodec.SW3);
        if (status == NO_CARD) {
            cardOnReader = null;
            return;
        }
        if (status != FOUND) {
            return;
        }
        Optional<Frame> selected = ask(SELECT);
        if (selected.isEmpty() || selected.get().at(SamCodec.SW3) != OK) {
            return;
        }
        Optional<Frame> read = ask(READ);
        if (read.isEmpty() || read.get().at(SamCodec.SW3) != OK) {
            return;
        }
        Frame answer = read.get();
        IdCard card;
        try {
            card = CardDecoder.decode(answer.slice(SamCodec.DATA, answer.length() - 1));
        } catch (IllegalArgumentException e) {
            cardsRefused.incrementAndGet();
            LOG.warn("{}: a card read could not be decoded: {}", settings.deviceId(), e.getMessage());
            return;
        }
        byte[] key = fingerprint(card);
        if (Arrays.equals(key, cardOnReader)) {
            return; // still the same card on the reader, posted or refused already
        }
        cardOnReader = key;
        if (Pii.idNumberProblem(card.idNumber(), LocalDate.now(clock)).isPresent()) {
            // a misread (or a forged card); the problem's text may quote the birth date, so it is not logged
            cardsRefused.incrementAndGet();
            LOG.warn("{}: a card's ID number failed the GB 11643 check; not posted", settings.deviceId());
            return;
        }
        cardsRead.incrementAndGet();
        Map<String, Object> p = new HashMap<>();
        p.put(DeviceTopics.PROPERTY_DEVICE, settings.deviceId());
        p.put(DeviceTopics.PROPERTY_HALL, settings.hall());
        p.put(DeviceTopics.PROPERTY_CARD, card);
        p.put(DeviceTopics.PROPERTY_TIMESTAMP, answer.firstByteMillis());
        publisher.post(new Event(DeviceTopics.CARD_READ, p));
        LOG.debug("{}: card {} read", settings.deviceId(), card.maskedIdNumber());
    }

    private Optional<Frame> ask(byte[] request) throws DeviceException {
        return link.exchange(request, settings.answerTimeout());
    }


    private static byte[] fingerprint(IdCard card) {
        try {
            String id = card.idNumber() == null ? "" : Pii.normalizeIdNumber(card.idNumber());
        return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
